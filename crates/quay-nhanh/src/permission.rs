//! The permissions (Nhanh's endpoints, `resource/action`) each job of the connector
//! needs. They are frozen at grant time: one missing means the merchant must grant the
//! app again in Nhanh, ticking it.

/// Job: import the menu (products, categories, stock).
pub const JOB_PRODUCTS: &str = "nhanh-job-products";
/// Job: send the counter's sales to Nhanh as orders.
pub const JOB_SALES: &str = "nhanh-job-sales";
/// Job: show and move Nhanh's online orders on the counter.
pub const JOB_ORDERS: &str = "nhanh-job-orders";
/// Job: find or add the customer of a sale by mobile number.
pub const JOB_CUSTOMERS: &str = "nhanh-job-customers";

/// (permission, job) for every endpoint the connector calls.
pub const NEEDED: &[(&str, &str)] = &[
    ("product/list", JOB_PRODUCTS),
    ("product/category", JOB_PRODUCTS),
    ("product/detail", JOB_PRODUCTS),
    ("order/add", JOB_SALES),
    ("order/list", JOB_ORDERS),
    ("order/edit", JOB_ORDERS),
    ("customer/list", JOB_CUSTOMERS),
    ("customer/add", JOB_CUSTOMERS),
];

/// `/v3.0/Product/List`, `product/list`, ` product/list ` → `product/list`.
pub fn normalize(p: &str) -> String {
    let p = p.trim().trim_start_matches('/');
    let p = p.strip_prefix("v3.0/").unwrap_or(p);
    let p = p.split('?').next().unwrap_or(p);
    p.trim_end_matches('/').to_ascii_lowercase()
}

/// The job that needs `permission`, if the connector uses it.
pub fn job_of(permission: &str) -> Option<&'static str> {
    let p = normalize(permission);
    NEEDED.iter().find(|(perm, _)| *perm == p).map(|(_, job)| *job)
}

/// The needed permissions absent from `granted`, in `NEEDED`'s order, with their job.
pub fn missing(granted: &[String]) -> Vec<(&'static str, &'static str)> {
    let granted: Vec<String> = granted.iter().map(|g| normalize(g)).collect();
    NEEDED.iter().filter(|(perm, _)| !granted.iter().any(|g| g == perm)).copied().collect()
}

/// The jobs that cannot run with `granted` (each once, in `NEEDED`'s order).
pub fn jobs_blocked(granted: &[String]) -> Vec<&'static str> {
    let mut jobs = Vec::new();
    for (_, job) in missing(granted) {
        if !jobs.contains(&job) {
            jobs.push(job);
        }
    }
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn missing_permissions_by_job() {
        let all = s(&NEEDED.iter().map(|(p, _)| *p).collect::<Vec<_>>());
        assert!(missing(&all).is_empty());
        type Case = (Vec<String>, Vec<(&'static str, &'static str)>);
        let cases: Vec<Case> = vec![
            (
                s(&["product/list", "product/category", "product/detail", "order/add", "order/list", "order/edit", "customer/list"]),
                vec![("customer/add", JOB_CUSTOMERS)],
            ),
            (
                s(&[
                    "/v3.0/Product/List",
                    "product/category",
                    "product/detail",
                    "order/list",
                    "order/edit",
                    "customer/list",
                    "customer/add",
                    "bill/addretail",
                ]),
                vec![("order/add", JOB_SALES)],
            ),
            (s(&[]), NEEDED.to_vec()),
        ];
        for (granted, want) in cases {
            assert_eq!(missing(&granted), want, "{granted:?}");
        }
        assert_eq!(jobs_blocked(&s(&["order/add"])), vec![JOB_PRODUCTS, JOB_ORDERS, JOB_CUSTOMERS]);
        assert_eq!(job_of("order/edit"), Some(JOB_ORDERS));
        assert_eq!(job_of("bill/addretail"), None);
    }
}
