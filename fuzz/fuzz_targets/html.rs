//! The HTML loader on any bytes (see loader_check.rs).
#![no_main]

mod loader_check;

use finsent::loader::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| loader_check::check(InputFormat::Html, data));
