package io.spotifyinsight.persistence.user;

import io.spotifyinsight.persistence.PersistenceException;
import io.spotifyinsight.persistence.Printable;

/** No user alias has the given username. */
public final class UserNotFoundException extends PersistenceException {
    public UserNotFoundException(String username) {
        super("no user named '" + Printable.of(username) + "'");
    }
}
