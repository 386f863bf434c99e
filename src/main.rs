use std::process::ExitCode;

fn main() -> ExitCode {
    factline::cli::main()
}
