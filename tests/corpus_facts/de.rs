//! Facts of Germany's corpus, each asserted against the source named beside it.

#[allow(unused_imports)]
use super::*;
