fn main() -> std::process::ExitCode {
    brief_lsp::cli::main()
}
