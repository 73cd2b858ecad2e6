package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** A portal out of reach is said in words a publisher reads, never with a Java class name. */
class UnreachablePortalWordsTest {

    @Test
    void eachNetworkFailureHasItsFrenchWords() {
        assertEquals("connexion refusée", RemoteHttp.unreachable(new ConnectException("Connection refused")));
        assertEquals("délai d'attente dépassé", RemoteHttp.unreachable(new HttpTimeoutException("request timed out")));
        assertEquals("adresse introuvable", RemoteHttp.unreachable(new UnknownHostException("portail.example")));
        assertEquals("connexion interrompue", RemoteHttp.unreachable(new IOException("stream closed")));
    }
}
