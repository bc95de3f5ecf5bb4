//! `lifa::group::group` speed on generated comments of about 80 Chinese characters: four fifths
//! distinct, one fifth near-copies in petitions of about 100 signers each (every copy changes one
//! word in twelve and half of them add a salutation), as a regulation with several letter
//! campaigns might receive. The texts are generated from a fixed seed, so every run groups the
//! same input.
//!
//! Run: `cargo bench --bench group`. Target (the grouping issue): 100,000 texts well under one
//! second on one core, and linear scaling (compare the 10,000 and 100,000 throughputs).
//! Measured on the 2-core machine (criterion): before the signature prefilter, one thread,
//! 10,000 texts 23 ms, 100,000 texts 254 ms. Now (from 20,000 texts the two halves of the bands
//! run on two threads): 10,000 texts 21 ms, 100,000 texts 194 ms; pinned to one core
//! (`taskset -c 0 cargo bench --bench group`) 20 ms and 327 ms — on one core the two halves'
//! separate union-finds cost more comparisons in these petitions than the prefilter saves.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lifa::group::group;

/// Common characters the generated words are made of.
const ALPHABET: &str = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可\
    她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外\
    但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次\
    东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难\
    神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉\
    望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留\
    红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设\
    始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离";

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards low values, as word frequencies are.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (u * u * n as f64) as usize
    }
}

/// `n` comments: sentences of words drawn from a 3,000-word vocabulary, punctuated.
fn corpus(n: usize) -> Vec<String> {
    let mut rng = Rng(7);
    let alphabet: Vec<char> = ALPHABET.chars().filter(|c| !c.is_whitespace()).collect();
    let vocab: Vec<String> = (0..3000)
        .map(|_| {
            let len = 2 + rng.below(2);
            (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect()
        })
        .collect();
    let sentence = |rng: &mut Rng| {
        let (mut words, mut len) = (Vec::new(), 0);
        while len < 80 {
            let w = rng.skewed(vocab.len());
            len += vocab[w].chars().count();
            words.push(w);
        }
        words
    };
    let render = |words: &[usize], rng: &mut Rng| {
        let mut s = String::new();
        for (i, &w) in words.iter().enumerate() {
            s.push_str(&vocab[w]);
            if i % 5 == 4 {
                s.push(if rng.below(3) == 0 { '。' } else { '，' });
            }
        }
        s.push('。');
        s
    };
    let mut petitions: Vec<Vec<usize>> = Vec::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        if rng.below(5) > 0 {
            let words = sentence(&mut rng);
            out.push(render(&words, &mut rng));
            continue;
        }
        if petitions.is_empty() || rng.below(100) == 0 {
            petitions.push(sentence(&mut rng));
        }
        // Signers of the three newest petitions arrive interleaved.
        let p = petitions.len() - 1 - rng.below(petitions.len().min(3));
        let mut words = petitions[p].clone();
        for w in words.iter_mut() {
            if rng.below(12) == 0 {
                *w = rng.skewed(vocab.len());
            }
        }
        let mut text = render(&words, &mut rng);
        if rng.below(2) == 0 {
            text.insert_str(0, "尊敬的领导：");
        }
        out.push(text);
    }
    out
}

fn bench(c: &mut Criterion) {
    let all = corpus(100_000);
    let mut g = c.benchmark_group("group (≈80 chars, one fifth in campaigns)");
    g.sample_size(10);
    for n in [10_000, 100_000] {
        let texts: Vec<&str> = all[..n].iter().map(String::as_str).collect();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &texts, |b, texts| {
            b.iter(|| group(black_box(texts)).groups.len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
