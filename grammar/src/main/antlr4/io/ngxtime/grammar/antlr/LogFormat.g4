/*
 * The text of an nginx log_format after its quoted parts are concatenated: literal text and
 * variables written as $name or ${name}. nginx itself rejects a '$' that is not followed by a
 * variable name; so does this grammar.
 */
grammar LogFormat;

format   : part* EOF ;
part     : variable # VariablePart
         | TEXT     # LiteralPart
         ;
variable : VAR | BRACED_VAR ;

VAR        : '$' NAME ;
BRACED_VAR : '${' NAME '}' ;
TEXT       : ~'$'+ ;

fragment NAME : [a-zA-Z0-9_]+ ;
