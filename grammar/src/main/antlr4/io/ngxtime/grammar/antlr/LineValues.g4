/*
 * The syntax of every typed value nginx writes into an access log. This grammar is the
 * reference: io.ngxtime.grammar.reference.ReferenceLineParser walks a log_format's parts,
 * matches literal text itself and invokes one rule of this grammar per variable. The compiled
 * matcher must accept exactly what these rules accept (checked by the differential tests).
 *
 * Free text ($http_user_agent, $request, ...) runs until the literal text that follows the
 * variable in the format; atStop() looks ahead for it, escapes() says whether a backslash
 * escapes the next character (escape=default and escape=json).
 */
parser grammar LineValues;

options { tokenVocab = LineLexer; superClass = LineValuesBase; }

// 10/Oct/2000:13:55:36 -0700
timeLocal   : day=digits2 SLASH month=monthName SLASH year=digits4
              COLON hour=digits2 COLON minute=digits2 COLON second=digits2 SPACE zone=offset ;
offset      : sign=(PLUS | DASH) hours=digits2 minutes=digits2 ;
monthName   : UPPER LOWER LOWER ;

// 2000-10-10T13:55:36-07:00 (nginx always writes the offset; Z is accepted too)
timeIso8601 : year=digits4 DASH month=digits2 DASH day=digits2 t=UPPER
              hour=digits2 COLON minute=digits2 COLON second=digits2 zone=isoZone ;
isoZone     : z=UPPER | sign=(PLUS | DASH) hours=digits2 COLON minutes=digits2 ;

// 971211336.123
msec        : whole=digitRun DOT fraction=digitRun ;

digits2     : DIGIT DIGIT ;
digits4     : DIGIT DIGIT DIGIT DIGIT ;
digitRun    : DIGIT+ ;

// $request_time, one element of $upstream_*_time: seconds with a fraction, or '-'
seconds     : whole=digitRun (DOT fraction=digitRun)? | DASH ;
// $body_bytes_sent, $bytes_sent, $request_length, one element of $upstream_response_length
count       : digitRun | DASH ;
// $status: nginx always has one
status      : DIGIT DIGIT DIGIT ;
// one element of $upstream_status ('-' when the attempt got no response)
statusCode  : DIGIT DIGIT DIGIT | DASH ;

// ", " separates servers tried within one upstream group; " : " an internal redirect to another group
separator   : COMMA SPACE | SPACE COLON SPACE ;
secondsList : seconds (separator seconds)* ;
countList   : count (separator count)* ;
statusList  : statusCode (separator statusCode)* ;
addressList : address (separator address)* ;
address     : ( {!atStop()}? ~(SPACE | COMMA) )+ ;

// Free text is read one character (or escape pair) at a time: the reference parser calls textChar
// until atStop(). (A loop rule here would make ANTLR look ahead to the end of the line at every
// character before it evaluates the predicate: quadratic.)
textChar    : {escapes()}? BACKSLASH . | . ;

// Never invoked. The reference parser calls the rules above one at a time, so without this rule none
// of them would have a follow set, and ANTLR's prediction would treat "the value ends here" as
// possible only at the end of the line. This rule says what is true: anything may follow a value.
anyValue    : ( timeLocal | timeIso8601 | msec | seconds | count | status | statusCode
              | secondsList | countList | statusList | addressList | textChar ) .*? EOF ;
