#pragma once

#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace banquise::tests {

using TestFactory = std::function<std::unique_ptr<QObject>()>;

// Test classes of one executable, by class name (what CTest passes).
std::map<std::string, TestFactory>& testRegistry();

struct TestRegistration {
    TestRegistration(const char* name, TestFactory factory) { testRegistry()[name] = std::move(factory); }
};

} // namespace banquise::tests

#define BANQUISE_REGISTER_TEST(Class) \
    static const banquise::tests::TestRegistration registration##Class(#Class, [] { return std::make_unique<Class>(); })
