//! Gives the build an identity: a hash of the core's sources and data
//! (`BRIEF_CORE_BUILD_ID`). The stored index records it, so that an index
//! built by a binary with other rules is rebuilt, not served, even when the
//! crate version is the same.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src");
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        file.hash(&mut hasher);
        std::fs::read(file).expect("a source file").hash(&mut hasher);
    }
    println!("cargo:rustc-env=BRIEF_CORE_BUILD_ID={:016x}", hasher.finish());
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the src folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
