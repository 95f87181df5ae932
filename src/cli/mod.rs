//! The `finsent` command's own modules: its flags, their validation into settings, the
//! subcommands, `finsent info`, the progress line and the `split`/`tickers`/`stories` views.

mod commands;
pub mod flags;
mod info;
mod inspect;
mod progress;
mod settings;

use finsent::error::Result;
use finsent::stream::RunStats;

use flags::{Cli, Command};
use settings::ScoreSettings;

/// Runs the command `cli` names.
pub fn run(cli: Cli) -> Result<RunStats> {
    let ran = match cli.command {
        Command::Score(args) => ScoreSettings::from_args(*args).and_then(commands::score),
        Command::Classify(args) => commands::classify(args),
        Command::Split(args) => commands::split(args),
        Command::Tickers(args) => commands::tickers(args),
        Command::Stories(args) => commands::stories(args),
        Command::Panel(args) => commands::panel(&args),
        Command::Info(args) => info::info(&args).map(|()| RunStats::default()),
    };
    ran.map_err(flags::worded)
}
