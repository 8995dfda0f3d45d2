# llhttp, the HTTP/1.x parser of Node.js, compiled from the C sources Debian ships in `node-llhttp`
# (/usr/share/llhttp/*.c + /usr/share/include/llhttp/llhttp.h) into a static library. Nothing is copied
# into this tree and nothing is downloaded. Its own warnings are not ours: -w for these C files only.
set(SOCKETEER_LLHTTP_SOURCE_DIR /usr/share/llhttp CACHE PATH "Directory holding llhttp's api.c, http.c, llhttp.c")
set(SOCKETEER_LLHTTP_INCLUDE_DIR /usr/share/include/llhttp CACHE PATH "Directory holding llhttp.h")

foreach(_file api.c http.c llhttp.c)
    if(NOT EXISTS ${SOCKETEER_LLHTTP_SOURCE_DIR}/${_file})
        message(FATAL_ERROR "llhttp source ${SOCKETEER_LLHTTP_SOURCE_DIR}/${_file} not found: "
                            "install Debian's node-llhttp (scripts/deps/build.txt)")
    endif()
endforeach()
if(NOT EXISTS ${SOCKETEER_LLHTTP_INCLUDE_DIR}/llhttp.h)
    message(FATAL_ERROR "llhttp.h not found in ${SOCKETEER_LLHTTP_INCLUDE_DIR}: install Debian's node-llhttp")
endif()

add_library(socketeer_llhttp STATIC
    ${SOCKETEER_LLHTTP_SOURCE_DIR}/api.c
    ${SOCKETEER_LLHTTP_SOURCE_DIR}/http.c
    ${SOCKETEER_LLHTTP_SOURCE_DIR}/llhttp.c)
target_include_directories(socketeer_llhttp SYSTEM PUBLIC ${SOCKETEER_LLHTTP_INCLUDE_DIR})
target_compile_options(socketeer_llhttp PRIVATE -w)
set_target_properties(socketeer_llhttp PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 99)
if(SOCKETEER_SANITIZE)
    target_compile_options(socketeer_llhttp PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
endif()
