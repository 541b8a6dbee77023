//! The core's errors, by kind. The binding layer maps each kind to one Python exception
//! class, in one place (`bindings::raise`).

/// What went wrong in a core call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// An option outside what it accepts; the message names it and what it takes
    /// (Python: `OptionError`).
    Option(String),
    /// A saved index that is not a newscorpus index, truncated, corrupted, of another
    /// version, or with contents no index can have (Python: `IndexFileError`).
    IndexFile(String),
    /// Something the library itself failed at: a thread pool that could not start, a
    /// shipped model that does not load (Python: `NewsCorpusError`).
    Internal(String),
}

impl Error {
    /// The message, without the kind.
    pub fn message(&self) -> &str {
        match self {
            Error::Option(m) | Error::IndexFile(m) | Error::Internal(m) => m,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for Error {}

/// A core result.
pub type Result<T> = std::result::Result<T, Error>;
