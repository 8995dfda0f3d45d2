# One INTERFACE target carries the house's strictness: every Socketeer target links it.
add_library(socketeer_strict INTERFACE)
target_compile_definitions(socketeer_strict INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_EMIT                  # one spelling: Q_EMIT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    SOCKETEER_VERSION="${PROJECT_VERSION}")
target_compile_options(socketeer_strict INTERFACE
    $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual>)

if(SOCKETEER_SANITIZE)
    set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_compile_options(socketeer_strict INTERFACE ${_san})
    target_link_options(socketeer_strict INTERFACE ${_san})
endif()
