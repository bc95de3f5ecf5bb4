//! Command-line arguments (clap derive). The doc comments are the `--help` text staff read, so
//! they are in Chinese. The only logic is [`exclusions_as_not`], which lets a search word start
//! with `-` before clap sees the arguments.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::error::{Error, Result};
use crate::report::Format;

/// lifa（立法）：法规草案逐条对照，追踪每处修改背后的意见。
#[derive(Debug, Parser)]
#[command(name = "lifa", version, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// 工作区目录（含 drafts/、comments/、index/）；默认为当前目录，也可用环境变量 LIFA_WORKSPACE 指定
    #[arg(long, global = true, env = "LIFA_WORKSPACE", value_name = "DIR")]
    pub workspace: Option<PathBuf>,

    /// 要执行的命令
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses the process's arguments (see [`exclusions_as_not`]).
    pub fn from_env() -> Cli {
        use clap::FromArgMatches as _;
        let mut args = exclusions_as_not(std::env::args_os());
        // `lifa help` and `lifa help search`, as other tools have them: the --help flag.
        if args.get(1).is_some_and(|a| a == "help") && args.len() <= 3 {
            args.remove(1);
            args.push("--help".into());
        }
        match command()
            .try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m))
        {
            Ok(cli) => cli,
            Err(e) => match e.kind() {
                clap::error::ErrorKind::DisplayHelp
                | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                    let help = options_in_chinese(&e.render().ansi().to_string());
                    if e.use_stderr() {
                        anstream::eprint!("{help}");
                        std::process::exit(2)
                    }
                    anstream::print!("{help}");
                    std::process::exit(0)
                }
                clap::error::ErrorKind::DisplayVersion => e.exit(),
                _ => {
                    // The command in question: the first argument that names one.
                    let cmd = Cli::command();
                    let sub = args
                        .iter()
                        .skip(1)
                        .find_map(|a| cmd.find_subcommand(a.to_str()?));
                    eprint!("{}", usage_error(&e, sub));
                    std::process::exit(2)
                }
            },
        }
    }
}

/// The command line as `--help` shows it: clap's headings, its help and version flags and
/// its `help` command are English, so they are replaced by Chinese ones.
pub fn command() -> clap::Command {
    use clap::{Arg, ArgAction};
    fn localize(c: clap::Command) -> clap::Command {
        c.help_template(
            "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("命令")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示本说明"),
        )
        .mut_args(|a| {
            let a = in_chinese(a);
            if a.get_help_heading().is_some() {
                a
            } else if a.is_positional() {
                a.help_heading("参数")
            } else {
                a.help_heading("选项")
            }
        })
    }
    localize(Cli::command())
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本号")
                .help_heading("选项"),
        )
        .mut_subcommands(localize)
}

/// A usage line's `[OPTIONS]` as `[选项]`.
fn options_in_chinese(usage: &str) -> String {
    usage.replace("[OPTIONS]", "[选项]")
}

/// An argument's help with what clap adds in English (`[default: …]`, `[possible values: …]`,
/// `[env: …]`) written into it in Chinese, unless the help text already says it.
fn in_chinese(a: clap::Arg) -> clap::Arg {
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let mut short = help.clone();
    let mut long = a
        .get_long_help()
        .map_or_else(|| help.clone(), |h| h.to_string());
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_values = a.get_action().takes_values();
    let stated = help.contains("默认") && defaults.iter().all(|d| help.contains(d.as_str()));
    if takes_values && !defaults.is_empty() && !stated {
        let d = format!("（默认：{}）", defaults.join("、"));
        short.push_str(&d);
        long.push_str(&d);
    }
    let values: Vec<clap::builder::PossibleValue> = if a.is_hide_possible_values_set() {
        Vec::new()
    } else {
        a.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    if takes_values && !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        if !names.iter().all(|n| help.contains(n)) {
            short.push_str(&format!("（可选：{}）", names.join("、")));
        }
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        long.push_str("\n\n可选值：");
        for v in &values {
            match v.get_help() {
                Some(h) => long.push_str(&format!("\n  {:width$}  {h}", v.get_name())),
                None => long.push_str(&format!("\n  {}", v.get_name())),
            }
        }
    }
    if let Some(var) = a.get_env().map(|v| v.to_string_lossy().into_owned())
        && !help.contains(&var)
    {
        let e = format!("（也可用环境变量 {var} 指定）");
        short.push_str(&e);
        long.push_str(&e);
    }
    // clap refuses (in debug builds) to hide what a flag without a value cannot have.
    let a = if takes_values {
        a.hide_default_value(true).hide_possible_values(true)
    } else {
        a
    };
    let a = if a.get_env().is_some() {
        a.hide_env(true)
    } else {
        a
    };
    a.help(short).long_help(long)
}

/// clap's refusal of a command line, told in Chinese as lifa's other messages are: what is
/// wrong (with clap's suggestion of what was meant), the command's usage, and where to read
/// more. `sub` is the command given, if any. A refusal of a kind not translated here is clap's
/// own message.
pub fn usage_error(e: &clap::Error, sub: Option<&clap::Command>) -> String {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    let text = |k: K| match e.get(k) {
        Some(V::String(v)) => Some(v.as_str()),
        _ => None,
    };
    let list = |k: K| -> Vec<String> {
        match e.get(k) {
            Some(V::Strings(v)) => v.clone(),
            Some(V::String(v)) => vec![v.clone()],
            _ => Vec::new(),
        }
    };
    let number = |k: K| match e.get(k) {
        Some(V::Number(n)) => *n,
        _ => 0,
    };
    let usage = match e.get(K::Usage) {
        Some(V::StyledStr(u)) => u.to_string(),
        _ => String::new(),
    };
    let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
    let name = |a: &str| arg_name(sub, a);
    let arg = text(K::InvalidArg).map(name).unwrap_or_default();
    let value = text(K::InvalidValue).unwrap_or_default();
    let meant = |k: K| {
        let v = list(k);
        if v.is_empty() {
            String::new()
        } else {
            format!("，是不是要写 {}？", v.join(" 或 "))
        }
    };
    let what = match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = list(K::InvalidArg).iter().map(|a| name(a)).collect();
            let space = if missing.first().is_some_and(|m| m.starts_with('-')) {
                " "
            } else {
                ""
            };
            format!("缺少{space}{}", missing.join("、"))
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} 后面要写上它的值"),
        ErrorKind::InvalidValue => format!(
            "{arg} 的值“{value}”无效（可选：{}）{}",
            list(K::ValidValue).join("、"),
            meant(K::SuggestedValue)
        ),
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e);
            let why = match source {
                Some(s) if s.is::<std::num::ParseIntError>() => "须为正整数".to_string(),
                Some(s) if s.is::<std::num::ParseFloatError>() => "须为数字".to_string(),
                Some(s) => s.to_string(),
                None => String::new(),
            };
            format!("{arg} 的值“{value}”无效：{why}")
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            format!("没有 {arg} 这个选项{}", meant(K::SuggestedArg))
        }
        ErrorKind::UnknownArgument => format!("多出了参数“{arg}”{}", meant(K::SuggestedArg)),
        ErrorKind::InvalidSubcommand => format!(
            "没有“{}”这个命令{}",
            text(K::InvalidSubcommand).unwrap_or_default(),
            meant(K::SuggestedSubcommand)
        ),
        ErrorKind::ArgumentConflict => match text(K::PriorArg).map(name) {
            Some(prior) if prior == arg => format!("{arg} 只能写一次"),
            Some(prior) => format!("{arg} 不能与 {prior} 同时使用"),
            None => format!("{arg} 不能与其他参数同时使用"),
        },
        ErrorKind::WrongNumberOfValues => format!(
            "{arg} 要写 {} 个值，这里写了 {} 个",
            number(K::ExpectedNumValues),
            number(K::ActualNumValues)
        ),
        ErrorKind::TooFewValues => format!(
            "{arg} 至少要写 {} 个值，这里写了 {} 个",
            number(K::MinValues),
            number(K::ActualNumValues)
        ),
        ErrorKind::TooManyValues => format!("{arg} 多出了值“{value}”"),
        ErrorKind::MissingSubcommand => "请写出要执行的命令".to_string(),
        _ => return e.render().to_string(),
    };
    let mut out = format!("错误：{what}\n");
    if !usage.is_empty() {
        out.push_str(&format!("用法：{}\n", options_in_chinese(&usage)));
    }
    let help = match sub {
        Some(c) => format!("lifa {} --help", c.get_name()),
        None => "lifa --help".to_string(),
    };
    out.push_str(&format!("提示：运行 {help} 查看全部选项和说明。\n"));
    out
}

/// An argument as clap names it in an error (`--since <DATE>`, `<QUERY>...`), as staff should
/// read it: an option by its flag, a positional one by the first words of its help
/// (`检索式（QUERY）`).
fn arg_name(sub: Option<&clap::Command>, a: &str) -> String {
    if a.starts_with('-') {
        return a.split_whitespace().next().unwrap_or(a).to_string();
    }
    let id = a.trim_matches(|c: char| matches!(c, '<' | '>' | '[' | ']' | '.'));
    let help = sub
        .and_then(|c| {
            c.get_positionals().find(|p| {
                p.get_value_names()
                    .is_some_and(|v| v.iter().any(|n| n.as_str() == id))
            })
        })
        .and_then(|p| p.get_help().map(ToString::to_string));
    match help {
        Some(h) => {
            let first = h.split(['：', '（', '，']).next().unwrap_or(&h);
            format!("{first}（{id}）")
        }
        None => a.to_string(),
    }
}

/// In `lifa search`, the documented way to exclude a word is a leading `-` (`网箱养殖 -罚款`),
/// which clap would take for an option and refuse in English. An argument that starts with one
/// `-` and is not one of `search`'s short options (`-f`, `-o`, `-h`, or `-f` with its value
/// attached, `-fjson`) is passed on as `NOT` and the word (the query language's other spelling
/// of the same thing): `-office` excludes “office”, it does not write to a file `ffice`. Option
/// values, and everything after `--`, are left as they are.
pub fn exclusions_as_not(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let args: Vec<OsString> = args.into_iter().collect();
    // Nothing to look at unless some argument starts with a single `-` (a cold search need not
    // build the command twice).
    let single_dash = |a: &OsString| {
        let b = a.as_encoded_bytes();
        b.len() > 1 && b[0] == b'-' && b[1] != b'-'
    };
    if !args.iter().skip(1).any(single_dash) {
        return args;
    }
    let mut args = args.into_iter();
    let mut out: Vec<OsString> = args.next().into_iter().collect();
    let mut cmd = Cli::command();
    // Built, the subcommands know the global options (`--workspace` after `search`).
    cmd.build();
    let takes_value = |c: &clap::Command, a: &str| {
        c.get_arguments().any(|x| {
            !x.is_positional()
                && x.get_action().takes_values()
                && (x
                    .get_long()
                    .is_some_and(|l| a.strip_prefix("--") == Some(l))
                    || x.get_short().is_some_and(|s| a == format!("-{s}")))
        })
    };
    // Up to the subcommand: global options and their values.
    let mut search = None;
    while let Some(a) = args.next() {
        let text = a.to_string_lossy().into_owned();
        let value_follows = takes_value(&cmd, &text);
        out.push(a);
        if value_follows {
            out.extend(args.next());
        } else if !text.starts_with('-') {
            search = cmd
                .find_subcommand(&text)
                .filter(|c| c.get_name() == "search");
            break;
        }
    }
    let Some(search) = search else {
        out.extend(args);
        return out;
    };
    // `-f`, `-o`, `-h`; and `-fjson`, a short option with its value attached.
    let is_short = |text: &str| {
        search.get_arguments().any(|x| {
            x.get_short().is_some_and(|c| {
                let Some(rest) = text.strip_prefix('-').and_then(|t| t.strip_prefix(c)) else {
                    return false;
                };
                rest.is_empty()
                    || x.get_possible_values()
                        .iter()
                        .any(|v| v.matches(rest, false))
            })
        })
    };
    while let Some(a) = args.next() {
        let Some(text) = a.to_str() else {
            out.push(a);
            continue;
        };
        if text == "--" {
            out.push(a);
            break;
        }
        if takes_value(search, text) {
            out.push(a);
            out.extend(args.next());
            continue;
        }
        match text.strip_prefix('-') {
            Some(rest) if !rest.is_empty() && !rest.starts_with('-') && !is_short(text) => {
                out.push("NOT".into());
                out.push(rest.into());
            }
            _ => out.push(a),
        }
    }
    out.extend(args);
    out
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 逐条对照两个版本的草案（条文对照），统计修改处数
    #[command(after_help = "示例：
  lifa diff qinglanhu                 对照 drafts/qinglanhu/ 中最后两个版本
  lifa diff qinglanhu v1 v2           对照指定的两个版本
  lifa diff qinglanhu --all           一审稿 → 二审稿 → 表决稿，逐条跟踪
  lifa diff 旧稿.md 新稿.md           直接对照两个文件
  lifa diff qinglanhu --out 对照表.html   写成网页（格式按扩展名：.html、.md、.json）")]
    Diff(DiffArgs),

    /// 导入基层立法联系点上报的意见（CSV、Excel、JSONL），逐行检查，整批写入意见库
    #[command(after_help = "示例：
  lifa import qinglanhu 湖滨街道4月意见.csv            自动识别编码（UTF-8/GBK）和表头
  lifa import qinglanhu 大学意见.xlsx --sheet 意见汇总
  lifa import qinglanhu 渔业村.csv --source 东岸县渔业村基层立法联系点 --draft v1
  lifa import qinglanhu *.csv --dry-run                只检查、不写入
  lifa import qinglanhu 有错行.csv --skip-invalid      只导入通过检查的行，其余另存

可识别的表头：编号/序号、条款/条文/涉及条款、意见内容/意见建议/内容、提出人/姓名、
提出人类型/身份、来源/联系点、渠道/方式、日期/时间、联系方式/电话（英文：id, article,
text, name, kind, source, channel, date, contact）。其他表头可用 --map 表头=字段 指定。")]
    Import(ImportArgs),

    /// 查看、筛选、统计意见（重复意见和联名意见合并显示）
    #[command(after_help = "示例：
  lifa comments qinglanhu                              按意见列出（重复、联名合并）
  lifa comments qinglanhu --article 第十四条           一审稿第十四条的意见
  lifa comments qinglanhu --article 第十五条 --version v2   二审稿第十五条（及其在一审稿中的前身）的意见
  lifa comments qinglanhu --kind 专家 --channel 座谈会 --since 2026-04-15
  lifa comments qinglanhu --stats                      按联系点、渠道、身份、条文统计
  lifa comments qinglanhu --out 意见.xlsx              导出（个人信息已打码；格式按扩展名：.xlsx、.csv、.json）")]
    Comments(CommentsArgs),

    /// 更新检索索引 index/（导入后会自动更新；--rebuild 按 comments/ 重建）
    #[command(after_help = "示例：
  lifa index              把 comments/ 中新增的批次加入索引
  lifa index --rebuild    按 comments/ 重建检索索引（已记录的重复、联名归并与各批次内容核对一致的沿用）
  删除整个 index/ 目录后再运行 lifa index，则连同重复、联名归并一起重新计算；index/ 随时可以删除，不会丢失意见")]
    Index(IndexArgs),

    /// 全文检索意见（中文分词；凡含检索词的意见都能找到）
    #[command(after_help = "示例：
  lifa search 网箱养殖
  lifa search 垃圾 填埋                    同时含“垃圾”和“填埋”
  lifa search 垂钓 OR 钓鱼                 含其一
  lifa search 游船 NOT 噪音                含“游船”但不含“噪音”（也可写作 游船 -噪音）
  lifa search '\"禁止 垂钓\"'                 引号内为一个词组（可含空格）
  lifa search 罚款 --reg qinglanhu --article 第五十四条 --kind 专家 --since 2026-04-15
  lifa search 湖 --format json --limit 50 --page 2
  lifa search 网箱养殖 --out 检索结果.xlsx      全部结果导出为 Excel（个人信息已打码）")]
    Search(SearchArgs),

    /// 记录意见的处理情况（采纳、部分采纳、已在他条体现、未采纳、待研究），或导入意见采纳情况表
    #[command(after_help = "示例：
  lifa decide qinglanhu c1a2b3c4d5e6f --status 采纳 --where 二审稿第十五条
  lifa decide qinglanhu 17 --status 未采纳 --reason 与上位法规定不一致
  lifa decide qinglanhu c1a2b3c4d5e6f --status 已在他条体现 --group   整组（重复、联名）一并处理
  lifa decide qinglanhu --sheet 意见采纳情况表.xlsx                   表头：编号、来源文件、采纳情况、理由、对应修改
  lifa decide qinglanhu --accept-suggestions --min-score 0.7 --dry-run  先预览，再去掉 --dry-run 批量确认

处理记录只追加、不改写（comments/<法规>/decisions.jsonl）；同一条意见以最后一次记录为准。")]
    Decide(DecideArgs),

    /// 每处修改由哪些意见推动：已确认的对应关系、按得分排列的建议及其依据，并列出无意见对应的修改和采纳后未体现的意见
    #[command(after_help = "示例：
  lifa attribute qinglanhu                   最近一批意见所针对的稿本 → 下一稿（如 一审稿 → 二审稿）
  lifa attribute qinglanhu v1 v2 --format html --out 修改与意见.html
  lifa attribute qinglanhu --format json     供程序读取（含 totals 统计）
  lifa decide qinglanhu --accept-suggestions --min-score 0.7 --dry-run   预览批量确认

得分 0–1：所提修改与此处文字一致 ≥ 0.9；引了该条且该条只有一处修改约 0.85；
只凭文意相近的不超过 0.65。建议从不当作已确认；确认后显示为“已确认”。")]
    Attribute(AttributeArgs),

    /// 生成工作人员提交的文件：条文对照表、修订模式稿、意见采纳情况表、统计、反馈、修改情况的报告
    #[command(after_help = "示例：
  lifa report qinglanhu --out 报告/                      全套文件写入“报告”文件夹
  lifa report qinglanhu --out 条文对照表.docx             Word 表格（A4 横向）
  lifa report qinglanhu --kind redline --out 修订稿.docx  Word 修订模式：逐处修改，批注列出推动修改的意见
  lifa report qinglanhu --kind disposition --out 意见采纳情况表.xlsx
  lifa report qinglanhu --kind feedback --per-source --out 反馈/
  lifa report qinglanhu --kind chain --out 三稿对照.docx   一审稿 | 二审稿 | 表决稿…

文件格式由扩展名决定：.docx、.xlsx、.html、.md。")]
    Report(ReportArgs),
}

/// What `lifa report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    /// 条文对照表（原条文 | 修改后条文 | 修改说明）：.docx .html .md
    Comparison,
    /// 各稿对照（一审稿 | 二审稿 | 表决稿…）：.docx .html .md
    Chain,
    /// 修订模式的新稿（Word 修订和批注）：.docx
    Redline,
    /// 意见采纳情况表：.xlsx .docx .md
    Disposition,
    /// 统计（含图表）：.html .md
    Stats,
    /// 给联系点的反馈：.docx .html .md
    Feedback,
    /// 修改情况的报告（草稿）：.docx .md
    Revision,
    /// 以上全部，写入 --out 指定的文件夹
    All,
}

/// `lifa report` arguments.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Which readings, which attribution.
    #[command(flatten)]
    pub attribution: AttributionArgs,
    /// 输出文件（扩展名决定格式）；--kind all 或 --per-source 时为文件夹
    #[arg(long, short = 'o', value_name = "FILE|DIR")]
    pub out: PathBuf,
    /// 生成哪一种文件（默认：--out 为文件夹时全部，否则条文对照表）
    #[arg(long, value_enum)]
    pub kind: Option<ReportKind>,
    /// 反馈按联系点分别成文（每个联系点一个文件）
    #[arg(long)]
    pub per_source: bool,
    /// 条文对照表中未修改的条文：fold 合并为一行、list 全部列出、omit 不列
    #[arg(long, value_enum, default_value = "fold")]
    pub unchanged: UnchangedArg,
}

/// What `lifa attribute` and `lifa report` share: the regulation, the two readings compared and
/// how the edits are matched to comments.
#[derive(Debug, clap::Args)]
pub struct AttributionArgs {
    /// 法规名（drafts/ 下的文件夹名）
    #[arg(value_name = "REG")]
    pub reg: String,
    /// 旧版本（如 v1 或 一审稿）；不给则取最近一批意见所针对的稿本及其下一稿
    #[arg(value_name = "FROM", requires = "to")]
    pub from: Option<String>,
    /// 新版本（如 v2 或 二审稿）
    #[arg(value_name = "TO")]
    pub to: Option<String>,
    /// 判定“有采纳意见对应”所用的最低得分（默认 0.7，即建议的批量确认线）
    #[arg(long, value_name = "SCORE", default_value_t = crate::attribute::RECOMMENDED_THRESHOLD)]
    pub min_score: f32,
    /// 显示姓名、电话等个人信息（默认打码）
    #[arg(long)]
    pub include_personal: bool,
}

/// Unchanged articles in the comparison table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnchangedArg {
    /// 合并为一行（第一条至第九条未作修改）
    Fold,
    /// 全部列出
    List,
    /// 不列
    Omit,
}

/// `lifa attribute` arguments.
#[derive(Debug, clap::Args)]
pub struct AttributeArgs {
    /// Which readings, which attribution.
    #[command(flatten)]
    pub attribution: AttributionArgs,
    /// 输出格式（默认按 --out 的扩展名：.html、.md、.json；否则为终端文本）
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// 写入文件而不是屏幕
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// 终端颜色
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

/// `lifa decide` arguments.
#[derive(Debug, clap::Args)]
pub struct DecideArgs {
    /// 法规名（drafts/ 下的文件夹名）
    #[arg(value_name = "REG")]
    pub reg: String,
    /// 意见：lifa 编号（c 开头）或批次中的编号
    #[arg(value_name = "COMMENT")]
    pub comments: Vec<String>,
    /// 处理情况：采纳、部分采纳、已在他条体现、未采纳、待研究
    #[arg(long, value_name = "STATUS", value_parser = parse_status, required_unless_present_any = ["sheet", "accept_suggestions"])]
    pub status: Option<crate::decisions::Status>,
    /// 理由
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// 在新稿中的体现（如 二审稿第十五条）
    #[arg(long = "where", value_name = "TEXT")]
    pub location: Option<String>,
    /// 该意见推动的修改（lifa diff 给出的修改编号，可多次使用）
    #[arg(long = "edit", value_name = "ID")]
    pub edits: Vec<String>,
    /// 对意见所在的整组（重复意见、联名意见）一并处理
    #[arg(long)]
    pub group: bool,
    /// 导入意见采纳情况表（.xlsx 或 .csv）
    #[arg(long, value_name = "FILE", conflicts_with_all = ["comments", "status"])]
    pub sheet: Option<PathBuf>,
    /// 处理人（默认为当前系统用户）
    #[arg(long, value_name = "NAME", env = "LIFA_USER")]
    pub by: Option<String>,
    /// 批量确认建议：对已采纳（含部分采纳）的意见，把得分不低于 --min-score 的建议记为已确认的对应修改
    #[arg(long, conflicts_with_all = ["comments", "status", "sheet", "edits"])]
    pub accept_suggestions: bool,
    /// 批量确认的最低得分（0–1，建议 0.7）
    #[arg(long, value_name = "SCORE", requires = "accept_suggestions", default_value_t = crate::attribute::RECOMMENDED_THRESHOLD)]
    pub min_score: f32,
    /// 批量确认针对的版本（旧、新），默认为最近一批意见所针对的稿本及其下一稿
    #[arg(
        long,
        value_name = "VERSION",
        num_args = 2,
        requires = "accept_suggestions"
    )]
    pub versions: Vec<String>,
    /// 只检查，不写入
    #[arg(long)]
    pub dry_run: bool,
}

/// `lifa index` arguments.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// 删除现有检索索引，按 comments/ 全部重建（与各批次内容一致的重复、联名归并记录沿用）
    #[arg(long)]
    pub rebuild: bool,
}

/// `lifa search` arguments.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// 检索式：词语之间空格表示“并且”；OR 表示“或者”；NOT 或 - 表示排除；引号内为词组
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// 只检索某部法规（drafts/ 下的文件夹名）
    #[arg(long, value_name = "REG")]
    pub reg: Option<String>,
    /// The filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// 每页条数（默认 20；用 --out 导出到 .xlsx、.csv、.json 文件且不加 --page 时默认导出全部）
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// 第几页
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub page: usize,
    /// Where and how the listing is written.
    #[command(flatten)]
    pub output: ListOutput,
}

/// `lifa import` arguments.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// 法规名（drafts/ 下的文件夹名）
    #[arg(value_name = "REG")]
    pub reg: String,
    /// 要导入的文件（.csv、.xlsx、.jsonl），可以多个
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// 意见针对的草案版本（如 v1 或 一审稿）；默认按意见日期取当时最新的一稿
    #[arg(long, value_name = "VERSION")]
    pub draft: Option<String>,
    /// 整批的联系点（文件中没有“联系点”列或该格为空时使用）
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// 整批的渠道：面对面、网上、掌上、屏对屏、座谈会、问卷、信函
    #[arg(long, value_name = "CHANNEL", value_parser = parse_channel)]
    pub channel: Option<crate::comment::Channel>,
    /// 整批的提出人类型：群众、专家、人大代表、部门、社会组织、企业
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<crate::comment::Kind>,
    /// 整批的日期（如 2026-05-06）
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<crate::comment::Date>,
    /// 征询任务（轮次）名称
    #[arg(long, value_name = "NAME")]
    pub round: Option<String>,
    /// Excel 文件读取的工作表（名称或序号，默认第一个）
    #[arg(long, value_name = "SHEET")]
    pub sheet: Option<String>,
    /// 其他表头对应的字段，如 --map 群众意见=text（可多次使用）
    #[arg(long, value_name = "表头=字段")]
    pub map: Vec<String>,
    /// 只检查并显示将要导入的内容，不写入
    #[arg(long)]
    pub dry_run: bool,
    /// 跳过未通过检查的行，只导入其余的行（未通过的行另存为文件）
    #[arg(long)]
    pub skip_invalid: bool,
    /// 终端颜色
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

/// `lifa comments` arguments.
#[derive(Debug, clap::Args)]
pub struct CommentsArgs {
    /// 法规名（drafts/ 下的文件夹名）
    #[arg(value_name = "REG")]
    pub reg: String,
    /// The filters.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// 统计：按联系点、渠道、提出人类型、条文计数（含独立意见数）
    #[arg(long)]
    pub stats: bool,
    /// 逐条列出每一份意见（默认重复、联名意见合并为一条）
    #[arg(long)]
    pub each: bool,
    /// Where and how the listing is written.
    #[command(flatten)]
    pub output: ListOutput,
}

/// The filters `lifa search` and `lifa comments` share.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// 只看涉及某条的意见（如 第十四条、14、第十二条之一；写到款、项的，按所在的条）
    #[arg(long, value_name = "ARTICLE")]
    pub article: Option<String>,
    /// --article 的条号按哪一稿（默认按意见所针对的那一稿）
    #[arg(long, value_name = "VERSION", requires = "article")]
    pub version: Option<String>,
    /// 只看某种处理情况：采纳、部分采纳、已在他条体现、未采纳、待研究、未处理
    #[arg(long, value_name = "STATUS", value_parser = parse_status)]
    pub status: Option<crate::decisions::Status>,
    /// 只看某联系点（名称或 comments/contact-points.toml 中它的别名含此文字即可）
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// 只看某类提出人
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<crate::comment::Kind>,
    /// 只看某渠道
    #[arg(long, value_name = "CHANNEL", value_parser = parse_channel)]
    pub channel: Option<crate::comment::Channel>,
    /// 只看此日期及以后收到的
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<crate::comment::Date>,
    /// 只看此日期及以前收到的
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<crate::comment::Date>,
}

/// How `lifa search` and `lifa comments` write their listing.
#[derive(Debug, clap::Args)]
pub struct ListOutput {
    /// 输出格式（默认按 --out 的扩展名：.xlsx、.csv、.json；否则为终端文本）
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ListFormat>,
    /// 输出中包含姓名、电话等个人信息（默认打码）
    #[arg(long)]
    pub include_personal: bool,
    /// 写入文件而不是屏幕
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// 终端颜色
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

/// Output format of listings whose rows fit a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// 适合在终端阅读
    Term,
    /// 稳定的 JSON（见 README）
    Json,
    /// CSV（UTF-8 带 BOM，Excel 可直接打开）
    Csv,
    /// Excel 工作簿（.xlsx，须用 --out 写入文件）
    Xlsx,
}

/// The extension of `--out`, lower-cased.
fn out_extension(out: Option<&Path>) -> Option<String> {
    Some(out?.extension()?.to_str()?.to_ascii_lowercase())
}

/// Extensions of files that a listing or a comparison cannot be written as: office files
/// (written only by `lifa report`) and the other command's formats (`.json` is both's).
const NOT_TEXT: &[&str] = &[
    "docx", "doc", "xlsx", "xls", "et", "wps", "pdf", "csv", "tsv", "md", "markdown", "html", "htm",
];

/// The format `--format` gives, else the extension of `--out` (from `known`), else text for the
/// terminal. An `--out` named as a format this command does not write (an office file, the other
/// command's format, [`NOT_TEXT`]) is refused, `--format` or not: text in a file named `.docx`
/// is a file Word will not open. `accepted` and `instead` complete the message.
fn out_format<F: Copy>(
    given: Option<F>,
    out: Option<&Path>,
    known: &[(&str, F)],
    term: F,
    accepted: &str,
    instead: &str,
) -> Result<F> {
    let ext = out_extension(out);
    let inferred = ext
        .as_deref()
        .and_then(|x| known.iter().find(|(e, _)| *e == x).map(|&(_, f)| f));
    match (&ext, inferred) {
        (Some(x), None) if NOT_TEXT.contains(&x.as_str()) => Err(Error::Usage(format!(
            "--out {}：不能写成 .{x} 文件；可写成 {accepted}（或不带这些扩展名的文本文件）。{instead}",
            out.map(|p| p.display().to_string()).unwrap_or_default()
        ))),
        _ => Ok(given.or(inferred).unwrap_or(term)),
    }
}

/// The format of a listing (`lifa comments`, `lifa search`): see [`out_format`]; `.csv`,
/// `.xlsx` and `.json` name theirs. A workbook is written only to a file.
pub fn list_format(given: Option<ListFormat>, out: Option<&Path>) -> Result<ListFormat> {
    let format = out_format(
        given,
        out,
        &[
            ("csv", ListFormat::Csv),
            ("xlsx", ListFormat::Xlsx),
            ("json", ListFormat::Json),
        ],
        ListFormat::Term,
        ".xlsx、.csv（UTF-8 带 BOM，Excel、WPS 可直接打开）或 .json",
        "意见采纳情况表请用 lifa report 生成（如 lifa report <法规> --kind disposition --out 意见采纳情况表.xlsx）。",
    )?;
    let is_xlsx = out_extension(out).as_deref() == Some("xlsx");
    match (format, out) {
        (ListFormat::Xlsx, None) => Err(Error::Usage(
            "Excel 工作簿不能显示在屏幕上：请用 --out 指定文件名（如 --out 结果.xlsx）".into(),
        )),
        // A workbook under a text name, or text under a workbook's name, is a file nothing
        // opens as what its name says.
        (ListFormat::Xlsx, Some(path)) if !is_xlsx => Err(Error::Usage(format!(
            "--out {}：Excel 工作簿的文件名须以 .xlsx 结尾（或去掉 --format xlsx）",
            path.display()
        ))),
        (f, Some(path)) if is_xlsx && f != ListFormat::Xlsx => Err(Error::Usage(format!(
            "--out {}：.xlsx 文件只能是 Excel 工作簿；去掉 --format 即写成 Excel 工作簿，或换用与格式相符的文件名（.csv、.json）",
            path.display()
        ))),
        _ => Ok(format),
    }
}

/// The format of a comparison (`lifa diff`, `lifa attribute`): see [`out_format`]; `.html`,
/// `.md` and `.json` name theirs.
pub fn report_format(given: Option<Format>, out: Option<&Path>) -> Result<Format> {
    out_format(
        given,
        out,
        &[
            ("html", Format::Html),
            ("htm", Format::Html),
            ("md", Format::Md),
            ("markdown", Format::Md),
            ("json", Format::Json),
        ],
        Format::Term,
        ".html、.md 或 .json",
        "Word 格式的条文对照表请用 lifa report 生成（如 lifa report <法规> --out 条文对照表.docx）。",
    )
}

fn parse_kind(s: &str) -> Result<crate::comment::Kind, String> {
    crate::comment::Kind::parse(s).ok_or_else(|| {
        format!(
            "“{s}”不是已知的提出人类型（可选：{}）",
            crate::comment::Kind::labels()
        )
    })
}

fn parse_channel(s: &str) -> Result<crate::comment::Channel, String> {
    crate::comment::Channel::parse(s).ok_or_else(|| {
        format!(
            "“{s}”不是已知的渠道（可选：{}）",
            crate::comment::Channel::labels()
        )
    })
}

fn parse_date(s: &str) -> Result<crate::comment::Date, String> {
    crate::comment::Date::parse(s)
        .ok_or_else(|| format!("“{s}”不是有效的日期（可写作 2026-05-06 或 2026年5月6日）"))
}

fn parse_status(s: &str) -> Result<crate::decisions::Status, String> {
    crate::decisions::Status::parse(s).ok_or_else(|| {
        format!(
            "“{s}”不是已知的处理情况（可选：{}）",
            crate::decisions::Status::labels()
        )
    })
}

/// `lifa diff` arguments.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// 法规名（drafts/ 下的文件夹名），或旧稿文件路径
    #[arg(value_name = "REG|OLD.md")]
    pub target: String,
    /// 旧版本（如 v1 或 一审稿），或新稿文件路径
    #[arg(value_name = "FROM|NEW.md")]
    pub from: Option<String>,
    /// 新版本（如 v2 或 二审稿）
    #[arg(value_name = "TO")]
    pub to: Option<String>,
    /// 对照全部版本（一审稿 | 二审稿 | 表决稿…），逐条跟踪
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub all: bool,
    /// 输出格式（默认按 --out 的扩展名：.html、.md、.json；否则为终端文本）
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// 也列出未修改的条文
    #[arg(long)]
    pub unchanged: bool,
    /// 在每处修改下列出推动它的意见（已确认的和建议的）
    #[arg(long, conflicts_with = "all")]
    pub comments: bool,
    /// 写入文件而不是屏幕
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// 终端颜色
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

/// When to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// 输出到终端时使用颜色（遵守 NO_COLOR）
    Auto,
    /// 总是使用颜色
    Always,
    /// 不使用颜色
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(args: &[&str]) -> Vec<String> {
        exclusions_as_not(
            std::iter::once("lifa")
                .chain(args.iter().copied())
                .map(OsString::from),
        )
        .into_iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
    }

    #[test]
    fn a_leading_minus_in_a_query_is_not() {
        assert_eq!(
            rewrite(&["search", "网箱养殖", "-罚款", "--limit", "5"]),
            ["search", "网箱养殖", "NOT", "罚款", "--limit", "5"]
        );
        assert_eq!(
            rewrite(&["--workspace", "-ws", "search", "湖", "-app", "-“禁止 垂钓”"]),
            [
                "--workspace",
                "-ws",
                "search",
                "湖",
                "NOT",
                "app",
                "NOT",
                "“禁止 垂钓”"
            ]
        );
        // Options, option values, a lone `-` and whatever follows `--` stay as typed.
        let kept = [
            "search",
            "湖",
            "-f",
            "json",
            "-o",
            "-结果.csv",
            "--source",
            "-某",
            "-",
            "--",
            "-罚款",
        ];
        assert_eq!(rewrite(&kept), kept);
        assert_eq!(rewrite(&["search", "湖", "-h"]), ["search", "湖", "-h"]);
        assert_eq!(
            rewrite(&["search", "湖", "-fjson"]),
            ["search", "湖", "-fjson"]
        );
        // A Latin word starting with a short option's letter is a word, not that option.
        assert_eq!(
            rewrite(&["search", "湖", "-office", "-hotel", "-ferry", "-5"]),
            [
                "search", "湖", "NOT", "office", "NOT", "hotel", "NOT", "ferry", "NOT", "5"
            ]
        );
        // The global option after the subcommand keeps its value.
        assert_eq!(
            rewrite(&["search", "湖", "--workspace", "-ws", "-网箱"]),
            ["search", "湖", "--workspace", "-ws", "NOT", "网箱"]
        );
        // Other commands are not touched.
        assert_eq!(
            rewrite(&["comments", "qinglanhu", "-罚款"]),
            ["comments", "qinglanhu", "-罚款"]
        );
        // Every argument is still parsed by clap.
        let cli = Cli::parse_from(exclusions_as_not(
            ["lifa", "search", "网箱", "-罚款", "-f", "json"].map(OsString::from),
        ));
        let Command::Search(a) = cli.command else {
            panic!("not search");
        };
        assert_eq!(a.query, ["网箱", "NOT", "罚款"]);
        assert_eq!(a.output.format, Some(ListFormat::Json));
    }
}
