// The s75check rule language. A rule file holds imports, named definitions
// and rules; a rule holds its metadata, its check and its own tests.
//
//   import "common"
//   def pooled_fund = "pooled_fund" in agreement.arrangements
//   rule FIN.05 "positive-amounts" {
//     title "Amounts are positive"
//     severity error
//     reference "MTAE Table 1 row 7"
//     remediation "Give every contribution an amount greater than zero."
//     check {
//       for each c in finance.contributions where c.amount <= 0
//         report at c.amount "the contribution of {c.partner} is {c.amount}"
//     }
//     test pass """ ... """
//     test fail """ ... """
//       expect FIN.05 at finance.contributions[1].amount
//   }
grammar S75Rules;

file        : decl* EOF ;
exprOnly    : expr EOF ;
decl        : importDecl | defDecl | ruleDecl ;
importDecl  : 'import' STRING ;
defDecl     : 'def' NAME ('(' NAME (',' NAME)* ')')? '=' expr ;
ruleDecl    : 'rule' RULE_ID STRING '{' ruleItem* '}' ;

ruleItem
  : 'title' STRING                                             # titleItem
  | 'severity' severityName (',' severityName 'if' expr)*      # severityItem
  | 'reference' STRING (',' STRING)*                           # referenceItem
  | 'remediation' STRING                                       # remediationItem
  | 'description' STRING                                       # descriptionItem
  | 'quote' STRING STRING                                      # quoteItem
  | 'verification' STRING                                      # verificationItem
  | 'check' block                                              # checkItem
  | 'test' ('pass' | 'fail' NUMBER?) ('as_of' DATE)? STRING expectation*  # testItem
  ;

// A finding a failing test expects: its rule, its YAML path as findings give
// it (none for the document as a whole) and, if given, its line in the
// snippet. `fail NUMBER` is the count of an older pack: the parser accepts it,
// the test runner fails it (docs/rule-language.md §10).
expectation : 'expect' RULE_ID ('at' yamlPath)? ('line' NUMBER)? ;
yamlPath    : pathKey ('.' pathKey | '[' NUMBER ']')* ;
pathKey     : pathWord ('-' pathWord)* ;   // a partner id such as `ndc-2`
pathWord    : fieldName | NUMBER ;

severityName : 'error' | 'warning' | 'info' ;

block : '{' stmt* '}' ;
body  : block | reportStmt ;
stmt
  : 'let' NAME '=' expr                                        # letStmt
  | 'when' expr body                                           # whenStmt
  | 'for' 'each' NAME 'in' expr ('where' expr)? body           # forStmt
  | reportStmt                                                 # reportAlone
  ;
reportStmt : 'report' severityName? ('at' expr)? STRING ;

expr      : andExpr ('or' andExpr)* ;
andExpr   : notExpr ('and' notExpr)* ;
notExpr   : 'not' notExpr | cmpExpr ;
cmpExpr   : addExpr (cmpOp addExpr)? ;
cmpOp     : '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in' ;
addExpr   : mulExpr (addOp mulExpr)* ;
addOp     : '+' | '-' ;
mulExpr   : unaryExpr (mulOp unaryExpr)* ;
mulOp     : '*' | '/' ;
unaryExpr : '-' unaryExpr | postfixExpr ;
postfixExpr : primary postfix* ;
postfix   : '.' fieldName | '[' expr ']' ;

primary
  : NUMBER unit                                                # durationLit
  | NUMBER                                                     # numberLit
  | DATE                                                       # dateLit
  | STRING                                                     # stringLit
  | ('true' | 'false')                                         # boolLit
  | 'as_of'                                                    # asOf
  | callee=(NAME | 'months' | 'days') '(' (arg (',' arg)*)? ')' # call
  | NAME                                                       # name
  | '[' (listElem (',' listElem)*)? ']'                        # listLit
  | '(' comprehension ')'                                      # comprehensionExpr
  | '(' expr ')'                                               # parens
  ;
unit          : 'month' | 'months' | 'day' | 'days' ;
arg           : comprehension | expr ;
comprehension : NAME 'in' expr 'where' expr ;
listElem      : expr ('if' expr)? ;

// Field names may be words the language also uses (`agreement.title`,
// `reporting[0].report`, `waivers[0].rule`).
fieldName
  : NAME | 'title' | 'report' | 'rule' | 'test' | 'check' | 'reference' | 'severity'
  | 'remediation' | 'import' | 'def' | 'let' | 'when' | 'for' | 'each' | 'in' | 'where'
  | 'at' | 'error' | 'warning' | 'info' | 'if' | 'and' | 'or' | 'not' | 'true' | 'false'
  | 'pass' | 'fail' | 'as_of' | 'month' | 'months' | 'day' | 'days'
  | 'description' | 'quote' | 'verification' | 'expect' | 'line'
  ;

RULE_ID : [A-Z] [A-Z0-9]* '.' [0-9]+ ;
DATE    : [0-9] [0-9] [0-9] [0-9] '-' [0-9] [0-9] '-' [0-9] [0-9] ;
NUMBER  : [0-9]+ ('.' [0-9]+)? ;
NAME    : [a-z_] [a-zA-Z0-9_]* ;
STRING  : '"""' .*? '"""'
        | '"' ( '\\' . | ~["\\\r\n] )* '"'
        | '\'' ( '\\' . | ~['\\\r\n] )* '\''   // for strings inside {interpolations}
        ;
COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n]+ -> skip ;
ERRCHAR : . ;
