//! The `finsent` command: flags -> validated settings -> library call -> exit status.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    finsent::writer::partial::remove_on_signal();
    match cli::run(cli::flags::Cli::parse()) {
        Ok(stats) if stats.failed > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("finsent: {e}");
            ExitCode::from(2)
        }
    }
}
