package io.tapintercom.singer;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Drops U+0000 while JSON is written, from values and field names alike: no SQL warehouse can store
 * it (PostgreSQL refuses it in text and jsonb, failing the whole load) and it carries no meaning.
 * Done as the serialiser's escape for that one character, so it costs nothing for ASCII text and
 * needs no second pass over the output.
 */
final class NulStripping extends CharacterEscapes {
    static final NulStripping INSTANCE = new NulStripping();
    private static final SerializableString NOTHING = new SerializedString("");
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
        ASCII[0] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return ch == 0 ? NOTHING : null;
    }
}
