package dev.retort.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tokens of one line in order. Every {@code expect} method fails with a
 * {@link SnapshotFormatException} that names the line, what was expected and what was found.
 */
final class Cursor {

  private final String source;
  private final int lineNumber;
  private final Lexer lexer;
  private final List<Token> lookahead = new ArrayList<>();

  Cursor(String source, int lineNumber, String line) {
    this.source = source;
    this.lineNumber = lineNumber;
    this.lexer = new Lexer(source, lineNumber, line);
  }

  int lineNumber() {
    return lineNumber;
  }

  /** Whether every token of the line was read. */
  boolean atEnd() {
    return token(0) == null;
  }

  /** Whether the next token is {@code keyword}; does not consume it. */
  boolean peekKeyword(String keyword) {
    Token next = token(0);
    return next != null && next.isKeyword(keyword);
  }

  /** Whether the next token is of that kind; does not consume it. */
  boolean peek(Token.Kind kind) {
    Token next = token(0);
    return next != null && next.kind() == kind;
  }

  /** The value of the next token; call only when not {@link #atEnd()}. */
  String peekValue() {
    return token(0).value();
  }

  /** Consumes the next token if it is {@code keyword}. */
  boolean acceptKeyword(String keyword) {
    if (peekKeyword(keyword)) {
      take();
      return true;
    }
    return false;
  }

  /** Consumes the next tokens if they are these keywords in order, such as {@code set null}. */
  boolean acceptKeywords(List<String> keywords) {
    for (int i = 0; i < keywords.size(); i++) {
      Token token = token(i);
      if (token == null || !token.isKeyword(keywords.get(i))) {
        return false;
      }
    }
    keywords.forEach(k -> take());
    return true;
  }

  /** Consumes the keyword or fails: "expected 'keyword' {@code where}, found …". */
  void expectKeyword(String keyword, String where) {
    if (!acceptKeyword(keyword)) {
      throw expected("'" + keyword + "' " + where);
    }
  }

  /** Consumes a bare word (a keyword or a plain name) or fails. */
  Token expectWord(String what) {
    if (!peek(Token.Kind.WORD)) {
      throw expected(what);
    }
    return take();
  }

  /**
   * Consumes a plain or quoted name and returns it. Whether the name is acceptable (not
   * blank, say) is for the model to decide.
   */
  String expectName(String what) {
    if (!peek(Token.Kind.WORD) && !peek(Token.Kind.QUOTED_NAME)) {
      throw expected(what + " (a plain name, or any name in double quotes)");
    }
    return take().value();
  }

  /** Consumes a string literal and returns its content. */
  String expectString(String what) {
    if (!peek(Token.Kind.STRING)) {
      throw expected(what + " in single quotes");
    }
    return take().value();
  }

  /** Consumes a number and returns its digits. */
  String expectNumber(String what) {
    if (!peek(Token.Kind.NUMBER)) {
      throw expected(what);
    }
    return take().value();
  }

  /** Consumes a token of that kind or fails. */
  void expect(Token.Kind kind, String what) {
    if (!peek(kind)) {
      throw expected(what);
    }
    take();
  }

  /** Consumes {@code (name, name, …)}: one or more names in parentheses. */
  List<String> expectNameList(String what) {
    expect(Token.Kind.OPEN, "'(' opening the " + what);
    List<String> names = new ArrayList<>();
    do {
      names.add(expectName("a column name in the " + what));
    } while (acceptComma());
    expect(Token.Kind.CLOSE, "',' or ')' in the " + what);
    return names;
  }

  /** Consumes a comma if there is one. */
  boolean acceptComma() {
    if (peek(Token.Kind.COMMA)) {
      take();
      return true;
    }
    return false;
  }

  /** Fails unless every token was read: "expected {@code what}, found …". */
  void expectEnd(String what) {
    if (!atEnd()) {
      throw expected(what);
    }
  }

  /** An error at this line: "expected {@code what}, found" the next token or the end of the line. */
  SnapshotFormatException expected(String what) {
    String found = atEnd() ? "the end of the line" : token(0).describe();
    return error("expected " + what + ", found " + found);
  }

  /** An error at this line. */
  SnapshotFormatException error(String problem) {
    return new SnapshotFormatException(source, lineNumber, problem);
  }

  /** The token {@code offset} places ahead, or null past the end of the line. */
  private Token token(int offset) {
    while (lookahead.size() <= offset) {
      Token next = lexer.nextToken();
      if (next == null) {
        return null;
      }
      lookahead.add(next);
    }
    return lookahead.get(offset);
  }

  private Token take() {
    token(0);
    return lookahead.remove(0);
  }
}
