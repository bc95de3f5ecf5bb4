//! Personal information (names, phone numbers, ID-card numbers, e-mail addresses): kept in the
//! store, masked in everything that leaves it unless staff explicitly ask for it.
