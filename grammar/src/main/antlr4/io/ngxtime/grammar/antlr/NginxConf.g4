/*
 * nginx configuration syntax, as far as ngxtime needs it: directives with arguments ending in ';'
 * or a block, comments, single- and double-quoted strings with backslash escapes. Only
 * log_format and include are interpreted (by io.ngxtime.grammar.conf.NginxConfReader);
 * every other directive is parsed and ignored.
 */
grammar NginxConf;

config    : statement* EOF ;
statement : name=value args+=value* ( SEMI | block ) ;
block     : LBRACE statement* RBRACE ;
value     : WORD | SQUOTED | DQUOTED ;

COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n\f]+ -> skip ;
SQUOTED : '\'' ( '\\' . | ~['\\] )* '\'' ;
DQUOTED : '"' ( '\\' . | ~["\\] )* '"' ;
LBRACE  : '{' ;
RBRACE  : '}' ;
SEMI    : ';' ;
WORD    : WORD_START WORD_PART* ;

fragment WORD_START : BRACED_VAR | '\\' . | ~[ \t\r\n\f;{}'"#\\] ;
fragment WORD_PART  : BRACED_VAR | '\\' . | ~[ \t\r\n\f;{}'"\\] ;
fragment BRACED_VAR : '${' ~[}\r\n]* '}' ;
