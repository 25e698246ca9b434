package io.spotifyinsight.spotify.fake;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests that run each test against a fake Spotify of its own: the {@link
 * FakeSpotifyExtension} as an instance field, and its running fake in {@link #fake}. A subclass's
 * own {@code @BeforeEach} runs after this one, so it can use the fake.
 */
public abstract class WithFakeSpotify {

    @RegisterExtension protected final FakeSpotifyExtension spotify = new FakeSpotifyExtension();
    protected FakeSpotify fake;

    @BeforeEach
    protected final void startFake() {
        fake = spotify.fake();
    }
}
