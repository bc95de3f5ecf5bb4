//! Duplicate comments and campaigns: the same opinion sent several times is one opinion with N
//! supporters. Nothing is deleted; grouping is computed from the texts whenever it is needed.
