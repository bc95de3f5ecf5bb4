//! Evaluation data for the attribution engine, generated from the real laws of the shared
//! corpus. Test-only: nothing here is compiled into lifa.

pub mod r#gen;
