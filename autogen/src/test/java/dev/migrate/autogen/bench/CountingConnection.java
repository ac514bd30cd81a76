package dev.migrate.autogen.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * A connection that counts what is sent through it: round trips ({@code execute*} and
 * {@code executeBatch} calls), and among the statements, catalog queries ({@code SELECT},
 * {@code SHOW}, {@code WITH}) apart from the rest (DDL, {@code SET}). Used only for counting, never
 * while timing.
 */
final class CountingConnection {
    private static final Set<String> EXECUTES =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    int roundTrips;
    int catalogQueries;
    int otherStatements;

    Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (method.getName().equals("createStatement")) {
                        return statement((Statement) result, Statement.class, null);
                    }
                    if (method.getName().equals("prepareStatement")) {
                        return statement((Statement) result, PreparedStatement.class, (String) args[0]);
                    }
                    return result;
                });
    }

    private Object statement(Statement target, Class<? extends Statement> type, String prepared) {
        InvocationHandler handler = new InvocationHandler() {
            private int batched;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                String name = method.getName();
                if (name.equals("addBatch")) {
                    batched++;
                    count(args == null || args.length == 0 ? prepared : (String) args[0], false);
                } else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                    if (batched > 0) {
                        roundTrips++;
                    }
                    batched = 0;
                } else if (EXECUTES.contains(name)) {
                    count(args == null || args.length == 0 ? prepared : (String) args[0], true);
                }
                return CountingConnection.invoke(target, method, args);
            }
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private void count(String sql, boolean roundTrip) {
        if (roundTrip) {
            roundTrips++;
        }
        String head = sql.stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("select") || head.startsWith("show") || head.startsWith("with")) {
            catalogQueries++;
        } else {
            otherStatements++;
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return catalogQueries + " catalog queries, " + otherStatements + " other statements, " + roundTrips
                + " round trips";
    }
}
