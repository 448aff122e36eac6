/**
 * Reading SQL text as tokens, for the schema model (the columns a check expression uses, the
 * tables and views a view's query reads) and the runtime's SQLite dialect (the tables and columns
 * its views and triggers use): one lexer and one test of which names a statement uses ({@link
 * dev.retort.internal.sql.SqlNames}), with what the tokens mean left to each of them.
 *
 * <p>Not API: public only so that the runtime can use it; may change in any release.
 */
package dev.retort.internal.sql;
