//! The `harmonia` binary: parses the command line, runs it, maps the outcome to an exit
//! code (0 success, 1 corpus errors, 2 usage or I/O errors). All the work is in the library.

fn main() {
    std::process::exit(harmonia::cli::main());
}
