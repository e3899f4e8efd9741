//! Facts of Chile's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;
