//! The briefs `check` is given: files, folders (searched for `.md` files,
//! leaving out hidden folders and the project's brief excludes) and `-` for
//! standard input. A brief that cannot be read is kept as such, so that the
//! others are still checked.

use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use ignore::gitignore::Gitignore;

use crate::exclude::excludes;
use crate::paths::lexically_absolute;
use crate::workspace::find_project_root;

/// Standard input's name in output.
pub const STDIN_NAME: &str = "<stdin>";

pub struct Input {
    /// As the user named it, or as found under a folder they named.
    pub name: String,
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// The text, or why there is none.
    pub text: Result<String, String>,
}

/// The briefs named by `args`, in order, folders' files sorted by name.
/// `root` is what the exclude patterns are relative to; an excluded file
/// named on the command line is left out with a note on stderr.
/// `stdin_path` is the file standard input stands for, if the caller (an
/// editor, a pre-commit hook) names one.
pub fn collect(args: &[PathBuf], root: &Path, excluded: &Gitignore, stdin_path: Option<&Path>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            let mut bytes = Vec::new();
            let text = std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|err| format!("cannot read standard input: {err}"))
                .and_then(|_| decode(STDIN_NAME, bytes));
            inputs.push(Input {
                name: stdin_path.map_or_else(|| STDIN_NAME.into(), |p| p.display().to_string()),
                path: stdin_path.map(Path::to_path_buf),
                text,
            });
        } else if arg.is_dir() {
            walk(arg, root, excluded, &mut inputs);
        } else if excludes(excluded, &root.join(arg)) {
            eprintln!(
                "brief-lsp: {} is excluded by brief-lsp.toml; not checked",
                arg.display()
            );
        } else {
            inputs.push(read(arg));
        }
    }
    inputs
}

/// Where `check` looks for its `brief-lsp.toml`: the briefs' project, as
/// the server finds it from a brief's folder, so that a brief named from
/// outside its project is checked against that project's corpus. When the
/// briefs name no project, or several, the current folder's is used, and
/// `Err` says which projects were passed over.
pub fn project_start(args: &[PathBuf], cwd: &Path, stdin_path: Option<&Path>) -> Result<PathBuf, String> {
    let folders = args.iter().map(|arg| {
        let named = if arg.as_os_str() == "-" {
            stdin_path
        } else {
            Some(arg.as_path())
        };
        // Cleaned of `..`, so that a project named through it reads as itself.
        match named.map(|p| lexically_absolute(&cwd.join(p))) {
            Some(path) if path.is_dir() => path,
            Some(path) => path.parent().map_or_else(|| cwd.to_path_buf(), Path::to_path_buf),
            None => cwd.to_path_buf(),
        }
    });
    let roots: BTreeSet<Option<PathBuf>> = folders.map(|folder| find_project_root(&folder)).collect();
    match roots.iter().collect::<Vec<_>>().as_slice() {
        [Some(root)] => Ok(root.clone()),
        [None] | [] => Ok(cwd.to_path_buf()),
        several => {
            let named: Vec<String> = several
                .iter()
                .map(|root| {
                    root.as_ref()
                        .map_or_else(|| "none".into(), |r| r.display().to_string())
                })
                .collect();
            Err(format!(
                "the briefs lie in different projects ({}); using the current folder's",
                named.join(", ")
            ))
        }
    }
}

/// The `.md` files under `dir`; excluded ones and hidden folders are left
/// out silently, as a folder was asked for, not they.
fn walk(dir: &Path, root: &Path, excluded: &Gitignore, inputs: &mut Vec<Input>) {
    let before = inputs.len();
    let entries = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md") => {
                if !excludes(excluded, &root.join(e.path())) {
                    inputs.push(read(e.path()));
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(dir).to_path_buf();
                inputs.push(Input {
                    name: path.display().to_string(),
                    text: Err(format!("cannot read {}: {err}", path.display())),
                    path: Some(path),
                });
            }
        }
    }
    if inputs.len() == before {
        eprintln!("brief-lsp: no briefs (.md files) to check in {}", dir.display());
    }
}

fn read(path: &Path) -> Input {
    let name = path.display().to_string();
    let text = std::fs::read(path)
        .map_err(|err| format!("cannot read {name}: {err}"))
        .and_then(|bytes| decode(&name, bytes));
    Input {
        name,
        path: Some(path.to_path_buf()),
        text,
    }
}

fn decode(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let line = err.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("cannot read {name}: not valid UTF-8 (line {line}, byte {at})")
    })
}
