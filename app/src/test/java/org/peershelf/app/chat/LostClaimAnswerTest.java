package org.peershelf.app.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peershelf.app.chat.ChatIntegrationTest.awaitLinked;
import static org.peershelf.app.chat.ChatIntegrationTest.id;
import static org.peershelf.app.chat.ChatIntegrationTest.knows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.peershelf.protocol.Peer;
import org.peershelf.protocol.chat.ChatConfig;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.registry.RegistryUnavailableException;

/**
 * A host claim that reached the registry but whose answer was lost (a timeout after the write) must still end in a
 * full takeover by the claimer, not in a device that the registry names host and that never took over.
 */
@Tag("integration")
class LostClaimAnswerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    final ChatNetwork network = new ChatNetwork();
    private final AtomicInteger claimsLost = new AtomicInteger();

    /** The real registry, except that the first host claim is written and then reported as a lost answer. */
    private Registry losingFirstClaimAnswer(Registry real) {
        AtomicBoolean lost = new AtomicBoolean();
        return (Registry) Proxy.newProxyInstance(Registry.class.getClassLoader(), new Class<?>[]{Registry.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("claimHost") && lost.compareAndSet(false, true)) {
                        claimsLost.incrementAndGet();
                        throw new RegistryUnavailableException("The registry did not answer in time.", null);
                    }
                    return result;
                });
    }

    @Test
    void claimerWhoseAnswerWasLostStillTakesOverTheRoom() {
        Peer host = network.start("host");
        ChatConfig chat = ChatConfig.from(ChatNetwork.config());
        Peer a = network.start("a", chat, this::losingFirstClaimAnswer);
        Peer b = network.start("b", chat, this::losingFirstClaimAnswer);
        List.of(a, b).forEach(p -> awaitLinked(host, p));
        awaitLinked(a, b);
        String room = host.chats().rooms().create("Lost answers", List.of(id(a), id(b)));
        await().atMost(WAIT).until(() -> knows(a, room) && knows(b, room));
        host.chats().rooms().say(room, "before");
        await().atMost(WAIT).until(() -> a.chats().rooms().history(room).size() == 1
                && b.chats().rooms().history(room).size() == 1);
        List<ChatEvent> aEvents = new CopyOnWriteArrayList<>();
        List<ChatEvent> bEvents = new CopyOnWriteArrayList<>();
        a.chats().subscribe(aEvents::add);
        b.chats().subscribe(bEvents::add);

        network.stop("host");

        await().atMost(WAIT).until(() -> a.chats().rooms().summary(room).epoch() == 1
                && b.chats().rooms().summary(room).epoch() == 1
                && a.chats().rooms().summary(room).host().equals(b.chats().rooms().summary(room).host()));
        assertThat(claimsLost).as("the winning claim's answer was lost").hasValue(1);
        Peer newHost = a.chats().rooms().summary(room).host().equals(id(a)) ? a : b;
        Peer member = newHost == a ? b : a;
        List<ChatEvent> newHostEvents = newHost == a ? aEvents : bEvents;
        await().atMost(WAIT).until(() -> newHostEvents.contains(new ChatEvent.HostChanged(room, id(newHost), 1)));

        member.chats().rooms().say(room, "after");
        newHost.chats().rooms().say(room, "also after");
        await().atMost(WAIT).until(() -> a.chats().rooms().history(room).size() == 3
                && b.chats().rooms().history(room).size() == 3);
        assertThat(a.chats().rooms().history(room)).isEqualTo(b.chats().rooms().history(room));
        assertThat(a.chats().rooms().history(room)).extracting(RoomLine::seq).containsExactly(1L, 2L, 3L);
    }
}
