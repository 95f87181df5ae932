//! The HTML loader on any bytes: it never panics, and every record it yields is an
//! article with text or an error record that names the input.
#![no_main]

use std::io::Cursor;

use finsent::loader::{InputFormat, LoadOptions, read_format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = Box::new(Cursor::new(data.to_vec()));
    let records = read_format(InputFormat::Html, reader, "fuzz".into(), &LoadOptions::default());
    for record in records {
        match record {
            Ok(article) => {
                assert!(article.title.is_some() || !article.body.trim().is_empty());
                assert_eq!(article.origin.path, "fuzz");
            }
            Err(error) => {
                assert!(!error.message.is_empty());
                assert_eq!(error.origin.path, "fuzz");
            }
        }
    }
});
