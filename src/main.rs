//! The `harmonia` binary: parses the command line, runs it, maps the outcome to an exit
//! code (0 success, 1 corpus errors, 2 usage or I/O errors). All the work is in the library.

/// mimalloc instead of the system allocator: parsing statutes and indexing them allocate and
/// free millions of small strings, and the system allocator was a tenth of a build's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(harmonia::cli::main());
}
