//! The floors the side-by-side benchmark (bench/compare.sh) measures `tochki` against: the
//! least any tool must do with the same input, in a process of its own.
//!
//! `floor serde FILE...`  reads each registry and deserializes it into the model (serde_yaml)
//! `floor csv FILE`       reads every record of an export with the csv crate, nothing else

#![allow(clippy::print_stdout, clippy::print_stderr)] // A measuring tool reports to its terminal.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        Some((mode, files)) if mode == "serde" && !files.is_empty() => deserialize(files),
        Some((mode, files)) if mode == "csv" && files.len() == 1 => count_records(&files[0]),
        _ => Err("usage: floor serde FILE... | floor csv FILE".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("floor: {error}");
            ExitCode::FAILURE
        }
    }
}

fn deserialize(files: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    for file in files {
        let text = std::fs::read_to_string(file)?;
        let registry: tochki::registry::Registry = serde_yaml::from_str(&text)?;
        println!(
            "{file}: {} directions",
            registry.directions.map_or(0, |d| d.len())
        );
    }
    Ok(())
}

fn count_records(file: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(file)?;
    let mut record = csv::ByteRecord::new();
    let mut count = 0u64;
    while reader.read_byte_record(&mut record)? {
        count += 1;
    }
    println!("{count}");
    Ok(())
}
