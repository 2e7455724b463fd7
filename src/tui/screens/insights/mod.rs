//! Insights: the funnel, reply rates, the weekly rhythm, organisations by depth.

pub mod draw;
