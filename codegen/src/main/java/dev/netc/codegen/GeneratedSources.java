package dev.netc.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.lang.model.element.Modifier;

/** What every generator here does alike: a public final class marked with its generator, written under its package. */
final class GeneratedSources {
    private GeneratedSources() {
    }

    /** {@code public final class NAME}, annotated {@code @Generated} with the generator's name. */
    static TypeSpec.Builder publicFinalClass(String name, Class<?> generator) {
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                        .addMember("value", "$S", generator.getName())
                        .build());
    }

    /** Writes the file under its package directory, leaving it untouched if the content is the same. */
    static Path write(JavaFile javaFile, Path sourceRoot) throws IOException {
        Path dir = sourceRoot;
        for (String part : javaFile.packageName().split("\\.")) {
            dir = dir.resolve(part);
        }
        Path file = dir.resolve(javaFile.typeSpec().name() + ".java");
        byte[] content = javaFile.toString().getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
            Files.createDirectories(dir);
            Files.write(file, content);
        }
        return file;
    }
}
