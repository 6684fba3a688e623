package io.istiomc.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code --name value} options, each at most once, none empty. */
public record Options(List<String> names, List<String> values) {
    public static Options parse(List<String> args, List<String> allowed) {
        var names = new ArrayList<String>();
        var values = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            var eq = arg.indexOf('=');
            var name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!allowed.contains(name)) {
                throw new UsageException("unknown option '" + arg + "' (options: " + String.join(", ", allowed) + ")");
            }
            if (names.contains(name)) {
                throw new UsageException("option " + name + " given twice");
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException("option " + name + " needs a value");
            }
            if (value.isEmpty()) {
                // An empty --out would write into the working directory, an empty --stack plan 'Pulumi..yaml'.
                throw new UsageException("option " + name + " needs a value (got an empty one)");
            }
            names.add(name);
            values.add(value);
        }
        return new Options(names, values);
    }

    public Optional<String> value(String name) {
        var index = names.indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(values.get(index));
    }
}
