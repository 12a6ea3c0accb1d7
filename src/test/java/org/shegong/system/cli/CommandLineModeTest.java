package org.shegong.system.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every command is recognised before the context starts: a name missing from the list starts the web server
 * instead of running the command (as {@code java -jar shegong.jar retag} did, the command the README tells
 * operators to run after an update of the region data).
 */
class CommandLineModeTest {

    @Test
    void everyCommandIsRunAsACommandNotAsAServer() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(CliCommand.class));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.shegong")) {
            Constructor<?> constructor = Class.forName(definition.getBeanClassName()).getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            // name() is a constant: the dependencies it is built with do not matter here.
            Object[] none = Arrays.stream(constructor.getParameterTypes())
                    .map(type -> type.isPrimitive() ? defaultOf(type) : null).toArray();
            names.add(((CliCommand) constructor.newInstance(none)).name());
        }
        assertThat(names).contains("import", "reindex", "retag", "backup");
        for (String name : names) {
            assertThat(CommandLineMode.isCommand(new String[] {name})).as(name).isTrue();
        }
        assertThat(CommandLineMode.isCommand(new String[] {"--server.port=8080"})).isFalse();
    }

    private static Object defaultOf(Class<?> type) {
        return type == boolean.class ? false : type == long.class ? 0L : type == int.class ? 0 : null;
    }
}
