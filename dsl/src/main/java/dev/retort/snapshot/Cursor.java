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
  private final List<Token> tokens;
  private int next;

  Cursor(String source, int lineNumber, List<Token> tokens) {
    this.source = source;
    this.lineNumber = lineNumber;
    this.tokens = List.copyOf(tokens);
  }

  int lineNumber() {
    return lineNumber;
  }

  boolean atEnd() {
    return next == tokens.size();
  }

  /** Whether the next token is {@code keyword}; does not consume it. */
  boolean peekKeyword(String keyword) {
    return !atEnd() && tokens.get(next).isKeyword(keyword);
  }

  /** Whether the next token is of that kind; does not consume it. */
  boolean peek(Token.Kind kind) {
    return !atEnd() && tokens.get(next).kind() == kind;
  }

  /** The value of the next token; call only when not {@link #atEnd()}. */
  String peekValue() {
    return tokens.get(next).value();
  }

  /** Consumes the next token if it is {@code keyword}. */
  boolean acceptKeyword(String keyword) {
    if (peekKeyword(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  /** Consumes the next tokens if they are these keywords in order, such as {@code set null}. */
  boolean acceptKeywords(List<String> keywords) {
    if (next + keywords.size() > tokens.size()) {
      return false;
    }
    for (int i = 0; i < keywords.size(); i++) {
      if (!tokens.get(next + i).isKeyword(keywords.get(i))) {
        return false;
      }
    }
    next += keywords.size();
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
    return tokens.get(next++);
  }

  /** Consumes a plain or quoted name and returns it. */
  String expectName(String what) {
    if (peek(Token.Kind.WORD)) {
      return tokens.get(next++).value();
    }
    if (peek(Token.Kind.QUOTED_NAME)) {
      String name = tokens.get(next++).value();
      if (name.isBlank() || !name.strip().equals(name)) {
        throw error(what + " " + SnapshotSyntax.name(name)
            + " is blank or has leading or trailing white space");
      }
      return name;
    }
    throw expected(what + " (a plain name, or any name in double quotes)");
  }

  /** Consumes a string literal and returns its content. */
  String expectString(String what) {
    if (!peek(Token.Kind.STRING)) {
      throw expected(what + " in single quotes");
    }
    return tokens.get(next++).value();
  }

  /** Consumes a number and returns its digits. */
  String expectNumber(String what) {
    if (!peek(Token.Kind.NUMBER)) {
      throw expected(what);
    }
    return tokens.get(next++).value();
  }

  /** Consumes a token of that kind or fails. */
  void expect(Token.Kind kind, String what) {
    if (!peek(kind)) {
      throw expected(what);
    }
    next++;
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
      next++;
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
    String found = atEnd() ? "the end of the line" : tokens.get(next).describe();
    return error("expected " + what + ", found " + found);
  }

  /** An error at this line. */
  SnapshotFormatException error(String problem) {
    return new SnapshotFormatException(source, lineNumber, problem);
  }
}
