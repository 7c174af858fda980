/*
 * Character classes of one access-log line, one token per character. The line is decoded as
 * ISO-8859-1 so that every byte is exactly one character and a column is a byte offset.
 * Used only by the reference parser (io.ngxtime.grammar.reference), never on the fast path.
 */
lexer grammar LineLexer;

DIGIT     : [0-9] ;
UPPER     : [A-Z] ;
LOWER     : [a-z] ;
DOT       : '.' ;
COMMA     : ',' ;
COLON     : ':' ;
SPACE     : ' ' ;
DASH      : '-' ;
PLUS      : '+' ;
SLASH     : '/' ;
QUOTE     : '"' ;
BACKSLASH : '\\' ;
OTHER     : . ;
