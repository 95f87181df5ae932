//! What the loader fuzz targets check: on any bytes a loader never panics, and every
//! record it yields is an article with text or an error record that names the input.

use std::io::Cursor;

use finsent::loader::{InputFormat, LoadOptions, read_format};

pub fn check(format: InputFormat, data: &[u8]) {
    let reader = Box::new(Cursor::new(data.to_vec()));
    for record in read_format(format, reader, "fuzz".into(), &LoadOptions::default()) {
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
}
