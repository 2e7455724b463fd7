use std::time::Instant;
use rolo::store::Store;
fn main() {
    let path = std::path::Path::new("target/bench-data/demo-30000.db");
    let clock = rolo::domain::Clock::system();
    for _ in 0..3 {
        let t = Instant::now();
        let store = Store::open(path).unwrap();
        let t_open = t.elapsed();
        let t = Instant::now();
        let n = store.contacts_total().unwrap();
        let t_total = t.elapsed();
        let t = Instant::now();
        let _ = store.count_open_follow_ups_before(clock.start_of(clock.today())).unwrap();
        let _ = store.count_open_follow_ups_before(clock.end_of_today()).unwrap();
        let t_counts = t.elapsed();
        let t = Instant::now();
        let m = store.meetings_between(clock.start_of(clock.today()), clock.timestamp().plus(chrono::Duration::days(14)), 200).unwrap();
        let t_meet = t.elapsed();
        let t = Instant::now();
        let f = store.open_follow_ups_before(clock.end_of_week(), 500).unwrap();
        let t_fu = t.elapsed();
        let t = Instant::now();
        let q = store.question_lists().unwrap();
        let t_q = t.elapsed();
        let t = Instant::now();
        let c = store.contacts_at(rolo::store::Page{offset:0,limit:120}, n).unwrap();
        let t_c = t.elapsed();
        println!("open {t_open:?} total {t_total:?} counts {t_counts:?} meetings {t_meet:?}({}) followups {t_fu:?}({}) lists {t_q:?}({}) contacts {t_c:?}({})", m.len(), f.len(), q.len(), c.len());
    }
}
