/**
 * Code ANTLR generates from the grammars in src/main/antlr4 (LogFormat, NginxConf, LineLexer,
 * LineValues), and the superclass holding LineValues' semantic predicates. Used only behind the
 * facades in io.ngxtime.grammar, .conf and .reference.
 */
package io.ngxtime.grammar.antlr;
