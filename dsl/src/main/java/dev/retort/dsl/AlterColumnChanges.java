package dev.retort.dsl;

/**
 * An alteration with at least one change; more may follow. Each kind of change may be made
 * once per {@code alterColumn}.
 */
public interface AlterColumnChanges extends AlterColumnStart {}
