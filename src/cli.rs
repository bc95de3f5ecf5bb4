//! Command-line arguments (clap derive). No logic here: the doc comments are the `--help` text
//! staff read, so they are in Chinese.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::Format;

/// lifa（立法）：法规草案逐条对照，追踪每处修改背后的意见。
#[derive(Debug, Parser)]
#[command(name = "lifa", version, about, long_about = None, max_term_width = 100)]
pub struct Cli {
    /// 工作区目录（含 drafts/、comments/、index/）；默认为当前目录，也可用环境变量 LIFA_WORKSPACE 指定
    #[arg(long, global = true, env = "LIFA_WORKSPACE", value_name = "DIR")]
    pub workspace: Option<PathBuf>,

    /// 要执行的命令
    #[command(subcommand)]
    pub command: Command,
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
  lifa diff qinglanhu --format html --out 对照表.html")]
    Diff(DiffArgs),
}

/// `lifa diff` arguments.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// 法规名（drafts/ 下的文件夹名），或旧稿文件路径
    #[arg(value_name = "REG|OLD.md")]
    pub target: String,
    /// 旧版本号（如 v1），或新稿文件路径
    #[arg(value_name = "FROM|NEW.md")]
    pub from: Option<String>,
    /// 新版本号（如 v2）
    #[arg(value_name = "TO")]
    pub to: Option<String>,
    /// 对照全部版本（一审稿 | 二审稿 | 表决稿…），逐条跟踪
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub all: bool,
    /// 输出格式
    #[arg(long, short = 'f', value_enum, default_value = "term")]
    pub format: Format,
    /// 也列出未修改的条文
    #[arg(long)]
    pub unchanged: bool,
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
