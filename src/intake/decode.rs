//! Text encodings of uploaded files: UTF-8 (with or without BOM), UTF-16 with BOM, and the
//! GBK/GB18030 that Chinese Excel writes when saving CSV — detected, never asked.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

use crate::error::{Error, Result};

/// How much of a file the detector looks at (64 KB): enough Chinese text to be sure (it errs on
/// 4–8 characters, never from 16 on), little enough to stay cheap on a 100 MB file.
const SNIFF: usize = 64 << 10;

/// Decodes a file's bytes into text, returning the encoding's name as staff know it.
pub fn decode(path: &str, bytes: &[u8]) -> Result<(String, &'static str)> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let name = if enc == UTF_8 { "UTF-8" } else { enc.name() };
        return finish(path, enc, &bytes[bom..], name);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8"));
    }
    let enc = guess(bytes);
    let name = if enc == GB18030 || enc == GBK {
        "GBK"
    } else {
        enc.name()
    };
    // GB18030 decodes everything GBK does, and its four-byte sequences too.
    let enc = if name == "GBK" { GB18030 } else { enc };
    finish(path, enc, bytes, name)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut end = bytes.len().min(SNIFF);
    // Cut at a line end so no multi-byte character is split.
    if end < bytes.len()
        && let Some(nl) = memchr::memrchr(b'\n', &bytes[..end])
    {
        end = nl + 1;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(&bytes[..end], end == bytes.len());
    det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow)
}

fn finish(
    path: &str,
    enc: &'static Encoding,
    bytes: &[u8],
    name: &'static str,
) -> Result<(String, &'static str)> {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        // Name the first line that does not decode.
        let line = first_bad_line(enc, bytes);
        return Err(Error::Upload {
            path: path.to_string(),
            message: format!(
                "第 {line} 行有无法按 {name} 编码解读的字节：文件可能已损坏，或混用了多种编码。请用 Excel 打开后另存为“CSV UTF-8”再上传"
            ),
        });
    }
    Ok((text.into_owned(), name))
}

fn first_bad_line(enc: &'static Encoding, bytes: &[u8]) -> usize {
    let mut line = 1;
    for chunk in bytes.split_inclusive(|&b| b == b'\n') {
        let (_, bad) = enc.decode_without_bom_handling(chunk);
        if bad {
            return line;
        }
        line += 1;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_and_gbk() {
        let text = "序号,意见内容\n1,建议禁止在青澜湖网箱养殖，保护水质。\n";
        assert_eq!(
            decode("a", text.as_bytes()).unwrap(),
            (text.into(), "UTF-8")
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode("a", &bom).unwrap(), (text.into(), "UTF-8"));
        let (gbk, _, _) = GBK.encode(text);
        assert_eq!(decode("a", &gbk).unwrap(), (text.into(), "GBK"));
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode("a", &utf16).unwrap().0, text);
    }

    #[test]
    fn gb18030_four_byte_characters_decode() {
        // 𠮷 is outside GBK: GB18030 encodes it in four bytes.
        let text = "姓名,意见内容\n吉𠮷,湖边步道建议铺设透水砖，雨天不积水。\n";
        let (bytes, _, bad) = GB18030.encode(text);
        assert!(!bad);
        assert_eq!(decode("a", &bytes).unwrap().0, text);
    }

    #[test]
    fn undecodable_bytes_name_the_line() {
        let mut bytes = "序号,意见内容\n1,建议加强巡查。\n".as_bytes().to_vec();
        let (gbk, _, _) = GBK.encode("2,建议设置警示标志，提醒游客注意安全。\n");
        bytes.extend_from_slice(&gbk);
        bytes.extend_from_slice(&[0x81, 0x20, b'\n']);
        let err = decode("x.csv", &bytes).unwrap_err().to_string();
        assert!(err.contains("x.csv"), "{err}");
    }
}
