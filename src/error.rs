//! Every error lifa reports, with the Chinese message staff read.
//!
//! Each variant carries what the message needs: the file, the line, the article label. The
//! binary prints `错误：` + the message, then a `提示：` line when there is a next step.
//! All user-facing error text lives here so one reviewer can check it in one pass.

use thiserror::Error;

/// lifa's error type.
#[derive(Debug, Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("无法读取或写入 {path}：{source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A draft is not UTF-8 text.
    #[error("{path}:{line}: 文件不是 UTF-8 编码的文本（第 {line} 行起无法解码）")]
    NotUtf8 {
        /// The file.
        path: String,
        /// First line with an undecodable byte.
        line: usize,
    },
    /// A draft file is empty.
    #[error("{path}: 文件是空的，没有任何条文")]
    EmptyDraft {
        /// The file.
        path: String,
    },
    /// A draft has text but no article.
    #[error("{path}: 没有找到任何条文（条文应以“第一条”这样的编号开头，后接空格或全角空格）")]
    NoArticles {
        /// The file.
        path: String,
    },
    /// The YAML front matter of a draft is malformed.
    #[error("{path}:{line}: 文件开头的 YAML 元数据（front matter）格式有误：{message}")]
    FrontMatter {
        /// The file.
        path: String,
        /// Line of the problem.
        line: usize,
        /// What the YAML parser said.
        message: String,
    },
    /// No folder for the regulation under `drafts/`.
    #[error("找不到法规“{reg}”：{dir} 不存在或其中没有 .md 草案")]
    UnknownRegulation {
        /// The regulation asked for.
        reg: String,
        /// The folder looked in.
        dir: String,
        /// Regulations that do exist.
        known: Vec<String>,
    },
    /// A version id that no draft of the regulation has.
    #[error("法规“{reg}”没有版本“{version}”（已有版本：{known}）")]
    UnknownVersion {
        /// The regulation.
        reg: String,
        /// The version asked for.
        version: String,
        /// The versions there are, as [`crate::workspace::labels`] lists them.
        known: String,
    },
    /// Two draft files of one regulation claim the same version id.
    #[error("{first} 和 {second} 的版本号都是“{version}”，版本号不能重复")]
    DuplicateVersion {
        /// The version id.
        version: String,
        /// One file.
        first: String,
        /// The other file.
        second: String,
    },
    /// Fewer than two versions to compare.
    #[error("法规“{reg}”只有 {count} 个版本，至少需要两个版本才能比较")]
    TooFewVersions {
        /// The regulation.
        reg: String,
        /// How many versions exist.
        count: usize,
    },
    /// `alignment.toml` is malformed or refers to an article that does not exist.
    #[error("{path}:{line}: 人工对齐设置有误：{message}")]
    Alignment {
        /// The file.
        path: String,
        /// Line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// `comments/contact-points.toml` is malformed or lists a name twice.
    #[error("{path}:{line}: 联系点名称设置有误：{message}")]
    ContactPoints {
        /// The file.
        path: String,
        /// Line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An uploaded comment file cannot be read as a batch at all.
    #[error("{path}: {message}")]
    Upload {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Rows of an upload failed validation, so the batch was refused whole.
    #[error("{path}: 有 {count} 行未通过检查，整批未导入")]
    Refused {
        /// The file.
        path: String,
        /// Rows refused.
        count: usize,
    },
    /// A stored batch file is damaged.
    #[error("{path}:{line}: 意见库文件已损坏：{message}")]
    Store {
        /// The batch file.
        path: String,
        /// The line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The search index cannot be opened or written.
    #[error("{path}: 检索索引出错：{message}")]
    Index {
        /// The index folder.
        path: String,
        /// What tantivy said.
        message: String,
    },
    /// A search query cannot be understood.
    #[error("检索式有误：{0}")]
    Query(String),
    /// Errors already printed one by one (several files); only the exit status remains.
    #[error("部分文件未导入（见上）")]
    Reported,
    /// Arguments that do not fit together.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The next step to suggest, if there is an obvious one.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NotUtf8 { .. } => Some("请在编辑器中将文件另存为“UTF-8”编码后再试。".into()),
            Error::NoArticles { .. } | Error::EmptyDraft { .. } => Some(
                "草案应为 Markdown 文本，每条另起一段，例如：第一条　为了……，制定本条例。".into(),
            ),
            Error::UnknownRegulation { known, .. } if !known.is_empty() => {
                Some(format!("已有的法规：{}", known.join("、")))
            }
            Error::UnknownRegulation { .. } => Some(
                "请在 drafts/<法规>/ 下放入各审次草案的 .md 文件，或用 lifa diff 旧稿.md 新稿.md 直接比较两个文件。"
                    .into(),
            ),
            Error::UnknownVersion { .. } => {
                Some("版本可写版本号，也可写括号中的稿次。".into())
            }
            Error::Alignment { .. } => Some(
                "格式示例：\n[[match]]\nfrom = \"v1\"\nto = \"v2\"\nold = \"第十二条\"\nnew = \"第十五条\"".into(),
            ),
            Error::ContactPoints { .. } => Some(
                "格式示例：\n[[point]]\nname = \"澜湖区湖滨街道基层立法联系点\"\naliases = [\"湖滨街道基层立法联系点\"]".into(),
            ),
            Error::Refused { .. } => Some(
                "请按上面列出的行号改正后重新上传；或加 --skip-invalid 只导入通过检查的行（未通过的行另存为文件）。".into(),
            ),
            Error::Index { .. } => Some(
                "index/ 可以随时重建：运行 lifa index --rebuild（意见库 comments/ 不受影响）。".into(),
            ),
            Error::Query(_) => Some(
                "示例：lifa search 网箱养殖；lifa search \"禁止 垂钓\"；lifa search 垃圾 OR 污水；lifa search 湖 NOT 游船".into(),
            ),
            Error::Store { .. } => Some(
                "意见库文件不应手工修改。请用 git 恢复该文件，或删除它后重新导入对应的上传文件。".into(),
            ),
            _ => None,
        }
    }
}

/// lifa's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
