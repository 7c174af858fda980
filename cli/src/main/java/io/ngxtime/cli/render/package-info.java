/**
 * Renderers of the report model for the terminal (aligned tables, control bytes from logs made
 * harmless), JSON (stable keys, documented in docs/report-json.md) and CSV (time series).
 */
package io.ngxtime.cli.render;
