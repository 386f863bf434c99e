//! Scoring against TimeML gold (TempEval-3 Task A).
//!
//! Takes gold and system TIMEX3 annotations per document; gives strict and relaxed span
//! precision/recall/F1, type and value accuracy, and value F1, overall and per document.
