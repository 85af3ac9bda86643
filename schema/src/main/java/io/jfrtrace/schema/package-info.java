/**
 * The contract between the recorder and whatever reads or launches it (docs/events.md): our JFR event classes with
 * their names and field names as constants, the schema version, how frames are named and how they are encoded in
 * event fields. The recorder shades this module into the agent; the CLI writes a crash's dump with the same event
 * classes; the analyzer reads by these names. The JDK only.
 */
package io.jfrtrace.schema;
