//! Errors and diagnostics shared by every stage.
//!
//! Takes nothing; gives [`Error`] (fatal for one operation, always with a [`Location`] when it
//! comes from input) and [`Diagnostic`] (a warning or a skipped input, carried in the report so
//! nothing is lost silently).

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Where in the input something happened. Lines and columns are 1-based; `0` means unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line,
            column,
        }
    }

    /// A location naming a whole file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location::new(path, 0, 0)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// A fatal error for one operation (reading a rules file, parsing arguments, writing output).
#[derive(Debug)]
pub struct Error {
    kind: Box<ErrorKind>,
}

/// What went wrong. Every variant that comes from input names where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read or written.
    /// (The cause is part of the message, not a `source()`, so error chains do not repeat it.)
    #[error("{location}: {cause}")]
    Io {
        location: Location,
        cause: std::io::Error,
    },
    /// Input that does not follow its format (TOML, JSONL, TimeML, a header block).
    #[error("{location}: {message}")]
    Parse { location: Location, message: String },
    /// A rules or events file that parses but says something invalid.
    #[error("{location}: {message}")]
    Rules { location: Location, message: String },
    /// A value given on the command line or through the API that is not valid.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub fn io(location: Location, source: std::io::Error) -> Self {
        ErrorKind::Io {
            location,
            cause: source,
        }
        .into()
    }

    pub fn parse(location: Location, message: impl Into<String>) -> Self {
        ErrorKind::Parse {
            location,
            message: message.into(),
        }
        .into()
    }

    pub fn rules(location: Location, message: impl Into<String>) -> Self {
        ErrorKind::Rules {
            location,
            message: message.into(),
        }
        .into()
    }

    pub fn usage(message: impl Into<String>) -> Self {
        ErrorKind::Usage(message.into()).into()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error {
            kind: Box::new(kind),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.kind.source()
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How bad a diagnostic is. `Error` means an input was skipped (the run exits 2);
/// `Warning` means it was read with a caveat (lossy UTF-8, a limit hit, an inferred date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticLevel {
    Warning,
    Error,
}

/// A non-fatal problem with one input, kept in the report so nothing is dropped silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: DiagnosticLevel,
    pub location: Location,
    pub message: String,
}

impl Diagnostic {
    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            level: DiagnosticLevel::Warning,
            location,
            message: message.into(),
        }
    }

    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            level: DiagnosticLevel::Error,
            location,
            message: message.into(),
        }
    }
}

impl From<Error> for Diagnostic {
    fn from(error: Error) -> Self {
        let location = match error.kind() {
            ErrorKind::Io { location, .. }
            | ErrorKind::Parse { location, .. }
            | ErrorKind::Rules { location, .. } => location.clone(),
            ErrorKind::Usage(_) => Location::default(),
        };
        let message = match error.kind() {
            ErrorKind::Io { cause, .. } => cause.to_string(),
            ErrorKind::Parse { message, .. } | ErrorKind::Rules { message, .. } => message.clone(),
            ErrorKind::Usage(message) => message.clone(),
        };
        Diagnostic::error(location, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            DiagnosticLevel::Warning => "warning",
            DiagnosticLevel::Error => "error",
        };
        write!(f, "{level}: {}: {}", self.location, self.message)
    }
}
