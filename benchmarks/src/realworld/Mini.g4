// A small but complete language for the real-world benchmark (benchmarks/realworld.py): the ANTLR tool generates
// its lexer, parser, listener and visitor, which exercises the tool's grammar analysis and code generation.
grammar Mini;

compilationUnit : packageDecl? importDecl* typeDecl* EOF ;
packageDecl     : 'package' qualifiedName ';' ;
importDecl      : 'import' 'static'? qualifiedName ('.' '*')? ';' ;
typeDecl        : modifier* (classDecl | interfaceDecl | enumDecl | recordDecl) ;
modifier        : 'public' | 'private' | 'protected' | 'static' | 'final' | 'abstract' | annotation ;
annotation      : '@' qualifiedName ('(' (expression | elementValuePairs)? ')')? ;
elementValuePairs : elementValuePair (',' elementValuePair)* ;
elementValuePair  : ID '=' expression ;
classDecl       : 'class' ID typeParams? ('extends' type)? ('implements' typeList)? classBody ;
interfaceDecl   : 'interface' ID typeParams? ('extends' typeList)? classBody ;
enumDecl        : 'enum' ID ('implements' typeList)? '{' enumConstants? (';' member*)? '}' ;
enumConstants   : enumConstant (',' enumConstant)* ','? ;
enumConstant    : annotation* ID arguments? classBody? ;
recordDecl      : 'record' ID typeParams? '(' (param (',' param)*)? ')' ('implements' typeList)? classBody ;
typeParams      : '<' typeParam (',' typeParam)* '>' ;
typeParam       : ID ('extends' type ('&' type)*)? ;
typeList        : type (',' type)* ;
classBody       : '{' member* '}' ;
member          : modifier* (methodDecl | fieldDecl | constructorDecl | classDecl | enumDecl | recordDecl)
                | block
                | ';'
                ;
methodDecl      : typeParams? (type | 'void') ID '(' params? ')' dims? throwsClause? (block | ';') ;
constructorDecl : ID '(' params? ')' throwsClause? block ;
fieldDecl       : type varDeclarators ';' ;
varDeclarators  : varDeclarator (',' varDeclarator)* ;
varDeclarator   : ID dims? ('=' varInit)? ;
varInit         : arrayInit | expression ;
arrayInit       : '{' (varInit (',' varInit)* ','?)? '}' ;
throwsClause    : 'throws' qualifiedName (',' qualifiedName)* ;
params          : param (',' param)* ;
param           : modifier* type '...'? ID dims? ;
type            : (primitiveType | classType) dims? ;
classType       : ID typeArgs? ('.' ID typeArgs?)* ;
typeArgs        : '<' (typeArg (',' typeArg)*)? '>' ;
typeArg         : type | '?' (('extends' | 'super') type)? ;
primitiveType   : 'boolean' | 'char' | 'byte' | 'short' | 'int' | 'long' | 'float' | 'double' ;
dims            : ('[' ']')+ ;
qualifiedName   : ID ('.' ID)* ;

block           : '{' blockStatement* '}' ;
blockStatement  : localVarDecl ';' | statement | typeDecl ;
localVarDecl    : modifier* ('var' | type) varDeclarators ;
statement
    : block
    | 'if' parExpression statement ('else' statement)?
    | 'for' '(' forControl ')' statement
    | 'while' parExpression statement
    | 'do' statement 'while' parExpression ';'
    | 'try' resources? block catchClause* finallyBlock?
    | 'switch' parExpression '{' switchGroup* '}'
    | 'return' expression? ';'
    | 'throw' expression ';'
    | 'break' ID? ';'
    | 'continue' ID? ';'
    | 'yield' expression ';'
    | ID ':' statement
    | expression ';'
    | ';'
    ;
resources       : '(' resource (';' resource)* ';'? ')' ;
resource        : localVarDecl '=' expression | qualifiedName ;
catchClause     : 'catch' '(' modifier* qualifiedName ('|' qualifiedName)* ID ')' block ;
finallyBlock    : 'finally' block ;
switchGroup     : switchLabel+ blockStatement* | switchLabel '->' (expression ';' | block | 'throw' expression ';') ;
switchLabel     : 'case' expression (',' expression)* ':' | 'default' ':' | 'case' expression (',' expression)* ;
forControl      : enhancedFor | forInit? ';' expression? ';' expressionList? ;
enhancedFor     : modifier* ('var' | type) ID ':' expression ;
forInit         : localVarDecl | expressionList ;
parExpression   : '(' expression ')' ;
expressionList  : expression (',' expression)* ;
arguments       : '(' expressionList? ')' ;

expression
    : primary
    | expression '.' ID arguments?
    | expression '.' 'new' typeArgs? classType arguments classBody?
    | expression '[' expression ']'
    | expression '::' typeArgs? (ID | 'new')
    | 'new' creator
    | '(' type ')' expression
    | expression ('++' | '--')
    | ('+' | '-' | '++' | '--' | '~' | '!') expression
    | expression ('*' | '/' | '%') expression
    | expression ('+' | '-') expression
    | expression ('<' '<' | '>' '>' '>' | '>' '>') expression
    | expression ('<=' | '>=' | '>' | '<') expression
    | expression 'instanceof' (type | pattern)
    | expression ('==' | '!=') expression
    | expression '&' expression
    | expression '^' expression
    | expression '|' expression
    | expression '&&' expression
    | expression '||' expression
    | <assoc = right> expression '?' expression ':' expression
    | <assoc = right> expression ('=' | '+=' | '-=' | '*=' | '/=' | '&=' | '|=' | '^=' | '%=' | '<<=' | '>>=') expression
    | lambda
    | switchExpression
    ;
pattern         : modifier* type ID ;
switchExpression: 'switch' parExpression '{' switchGroup* '}' ;
lambda          : lambdaParams '->' (expression | block) ;
lambdaParams    : ID | '(' (params | ID (',' ID)*)? ')' ;
primary
    : '(' expression ')'
    | 'this' | 'super' | literal | ID arguments? | type '.' 'class' | 'void' '.' 'class'
    ;
creator         : typeArgs? classType (arguments classBody? | dims arrayInit | ('[' expression ']')+ dims?)
                | primitiveType (dims arrayInit | ('[' expression ']')+ dims?)
                ;
literal         : INT | FLOAT | CHAR | STRING | TEXT_BLOCK | 'true' | 'false' | 'null' ;

INT         : ('0' | [1-9] ('_'? [0-9])*) [lL]? | '0' [xX] [0-9a-fA-F] ('_'? [0-9a-fA-F])* [lL]? ;
FLOAT       : [0-9]+ '.' [0-9]* EXP? [fFdD]? | '.' [0-9]+ EXP? [fFdD]? | [0-9]+ EXP [fFdD]? | [0-9]+ [fFdD] ;
fragment EXP: [eE] [+-]? [0-9]+ ;
CHAR        : '\'' (~['\\\r\n] | ESC) '\'' ;
STRING      : '"' (~["\\\r\n] | ESC)* '"' ;
TEXT_BLOCK  : '"""' [ \t]* [\r\n] .*? '"""' ;
fragment ESC: '\\' [btnfr"'\\] | '\\' 'u'+ [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] ;
ID          : [a-zA-Z_$] [a-zA-Z_$0-9]* ;
WS          : [ \t\r\n\u000C]+ -> skip ;
COMMENT     : '/*' .*? '*/' -> skip ;
LINE_COMMENT: '//' ~[\r\n]* -> skip ;
