package io.ngxtime.generator;

/** Who sends a request; decides which routes it asks for and how. */
enum ClientKind {
    /** A person in a web browser: pages, their assets and the API calls the pages make. */
    BROWSER,
    /** The shop's mobile app: API calls and images only. */
    APP,
    /** A search-engine or AI crawler: pages, robots.txt, the sitemap. */
    CRAWLER,
    /** An uptime monitor or a Kubernetes probe: the health check. */
    MONITOR,
    /** A vulnerability scanner: well-known paths that do not exist here. */
    SCANNER,
    /** A script ({@code curl}, {@code python-requests}): API calls. */
    TOOL
}
